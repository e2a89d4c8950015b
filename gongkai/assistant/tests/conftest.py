import pytest

from gongkai.assistant.retrieval.index import holder

SMALL_BASE = """id,question,variants,answer,category,unit,source_url
SB004,如何办理社会保障卡挂失和补领？,社会保障卡遗失怎么办|社保卡坏了怎么换新卡,社会保障卡遗失的，可先挂失，再携带居民身份证到服务窗口申请补领。,社会保险,清河区人力资源和社会保障局,/zwgk/bszn/sbk/
HJ003,居民身份证丢失后如何补办？,身份证掉了怎么办,居民身份证丢失的，应及时到派出所挂失，并可申请补领。,户籍证件,,https://example.gov.cn/sfz
HJ005,如何办理结婚登记？,结婚领证需要带什么,男女双方应当共同到婚姻登记机关办理结婚登记，携带户口簿、居民身份证和合影照片。,婚姻家庭,,
GK003,政府信息公开申请多久答复？,申请公开以后多少天回复,不能当场答复的，自收到申请之日起20个工作日内予以答复。,政府信息公开,,/zwgk/gkzn/
"""


@pytest.fixture(autouse=True)
def _english_messages():
    # Service calls outside a request speak English here; the zh-Hans catalogue has its own test.
    from django.utils import translation

    with translation.override("en"):
        yield


@pytest.fixture(autouse=True)
def _fresh_index(settings):
    # Each test has its own database: never reuse another test's snapshot, and reload synchronously.
    settings.ASSISTANT_INDEX_CHECK_SECONDS = 0
    settings.ASSISTANT_BACKGROUND_RELOAD = False
    holder.reset()
    yield
    holder.reset()


@pytest.fixture
def hrss(db):
    from gongkai.organizations.factories import UnitFactory

    return UnitFactory(name="清河区人力资源和社会保障局", slug="hrss", office_phone="010-69700009")


@pytest.fixture
def district(db):
    from gongkai.organizations.factories import UnitFactory
    from gongkai.organizations.models import UnitKind

    return UnitFactory(
        name="清河区人民政府", slug="district", kind=UnitKind.DISTRICT_GOVERNMENT, office_phone="010-69700001"
    )


@pytest.fixture
def small_base(db, hrss, district):
    from gongkai.assistant.importing import import_rows, read_rows
    from gongkai.assistant.management.commands.assistant import embed_live_entries

    result = import_rows(read_rows(SMALL_BASE.encode(), "base.csv"))
    assert result.loaded and not result.errors
    embed_live_entries(lambda m: None, quiet=True)
    return result
