from .choices import (
    ColumnKind,
    DisclosureAttribute,
    DisclosureCategory,
    Genre,
    InterpretationKind,
    KeyArea,
    SubjectCategory,
    Validity,
)
from .gazette import GazetteIssuePage
from .interpretations import PolicyInterpretationPage
from .items import InformationItemPage, ItemAttachment
from .pages import ColumnPage, HomePage
from .standard_list import Audience, Frequency, Manner, StandardCatalogueEntry
from .support import AttachmentText, IndexNumberCounter

__all__ = [
    "AttachmentText",
    "Audience",
    "ColumnKind",
    "ColumnPage",
    "DisclosureAttribute",
    "DisclosureCategory",
    "Frequency",
    "GazetteIssuePage",
    "Genre",
    "HomePage",
    "IndexNumberCounter",
    "InformationItemPage",
    "InterpretationKind",
    "ItemAttachment",
    "KeyArea",
    "Manner",
    "PolicyInterpretationPage",
    "StandardCatalogueEntry",
    "SubjectCategory",
    "Validity",
]
