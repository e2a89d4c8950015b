"""Enumerations of the disclosure metadata (标准元数据), with bilingual labels."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Genre(models.TextChoices):
    """体裁分类: the kind of document. ``rule`` and ``normative_document`` feed Table II (一)."""

    RULE = "rule", _("Government rule")
    NORMATIVE_DOCUMENT = "normative_document", _("Administrative normative document")
    OTHER_DOCUMENT = "other_document", _("Other official document")
    NOTICE = "notice", _("Notice or announcement")
    PLAN = "plan", _("Plan or programme")
    BUDGET = "budget", _("Budget or final accounts")
    STATISTICS = "statistics", _("Statistics")
    PERSONNEL = "personnel", _("Personnel information")
    DECISION = "decision", _("Administrative decision (licence, penalty)")
    NEWS = "news", _("Work news")
    REPORT = "report", _("Work report or summary")


class SubjectCategory(models.TextChoices):
    """主题分类 (after the State Council's subject classification, abridged)."""

    GENERAL = "general", _("General government affairs")
    ECONOMY = "economy", _("Economic management")
    FINANCE = "finance", _("Finance, audit and statistics")
    LABOUR = "labour", _("Labour, personnel and social security")
    URBAN = "urban", _("Urban and rural construction, housing")
    AGRICULTURE = "agriculture", _("Agriculture and rural affairs")
    EDUCATION = "education", _("Education")
    HEALTH = "health", _("Health")
    CIVIL_AFFAIRS = "civil_affairs", _("Civil affairs, poverty relief, disaster relief")
    PUBLIC_SECURITY = "public_security", _("Public security, safety and emergency")
    JUSTICE = "justice", _("Justice")
    ENVIRONMENT = "environment", _("Environment and natural resources")
    TRANSPORT = "transport", _("Transport")
    SCIENCE = "science", _("Science and technology")
    CULTURE = "culture", _("Culture, tourism and sport")
    MARKET = "market", _("Market regulation")
    OTHER = "other", _("Other")


class Validity(models.TextChoices):
    """有效性: the guide of 国办发〔2017〕47号 asks for amended, repealed or lapsed documents to be marked."""

    IN_FORCE = "in_force", _("In force")
    AMENDED = "amended", _("Amended")
    REPEALED = "repealed", _("Repealed")
    EXPIRED = "expired", _("Expired")


class DisclosureAttribute(models.TextChoices):
    """公开属性, decided before the document is issued."""

    PROACTIVE = "proactive", _("Proactive disclosure")
    ON_APPLICATION = "on_application", _("Disclosure on application")
    NOT_DISCLOSED = "not_disclosed", _("Not disclosed")


class DisclosureCategory(models.TextChoices):
    """The categories of art. 20 (一)–(十五) and art. 21 of the Regulations."""

    A20_1 = "a20_1", _("Art. 20(1) Rules, normative documents, laws and regulations")
    A20_2 = "a20_2", _("Art. 20(2) Functions, organisation and contacts")
    A20_3 = "a20_3", _("Art. 20(3) Development plans")
    A20_4 = "a20_4", _("Art. 20(4) Statistics")
    A20_5 = "a20_5", _("Art. 20(5) Administrative licensing and other services")
    A20_6 = "a20_6", _("Art. 20(6) Administrative penalties and compulsion")
    A20_7 = "a20_7", _("Art. 20(7) Budgets and final accounts")
    A20_8 = "a20_8", _("Art. 20(8) Administrative fees")
    A20_9 = "a20_9", _("Art. 20(9) Government procurement")
    A20_10 = "a20_10", _("Art. 20(10) Administrative licensing matters")
    A20_11 = "a20_11", _("Art. 20(11) Major construction projects")
    A20_12 = "a20_12", _("Art. 20(12) Poverty relief, education, health, social security, employment")
    A20_13 = "a20_13", _("Art. 20(13) Emergencies")
    A20_14 = "a20_14", _("Art. 20(14) Environment, public health, work safety, food and drugs")
    A20_15 = "a20_15", _("Art. 20(15) Civil servant recruitment")
    A21_URBAN = "a21_urban", _("Art. 21 Municipal construction")
    A21_SERVICES = "a21_services", _("Art. 21 Public services and public welfare")
    A21_EXPROPRIATION = "a21_expropriation", _("Art. 21 Land and housing expropriation")
    A21_ORDER = "a21_order", _("Art. 21 Public order")
    A21_ASSISTANCE = "a21_assistance", _("Art. 21 Social assistance")
    A21_RURAL = "a21_rural", _("Art. 21 Rural policies, land and homesteads (townships)")


class KeyArea(models.TextChoices):
    """The 26 grassroots standardisation areas (国办发〔2019〕54号)."""

    MAJOR_PROJECTS = "major_projects", _("Major construction projects")
    PUBLIC_RESOURCES = "public_resources", _("Public resource trading")
    BUDGETS = "budgets", _("Budgets and final accounts")
    WORK_SAFETY = "work_safety", _("Work safety")
    TAX = "tax", _("Tax administration")
    HOUSING_EXPROPRIATION = "housing_expropriation", _("Housing expropriation and compensation")
    LAND_EXPROPRIATION = "land_expropriation", _("Rural collective land expropriation")
    RURAL_HOUSING = "rural_housing", _("Rebuilding dilapidated rural housing")
    PLANNING = "planning", _("Urban and rural planning")
    POVERTY = "poverty", _("Poverty alleviation")
    CULTURE = "culture", _("Public cultural services")
    LEGAL_SERVICES = "legal_services", _("Public legal services")
    HOUSEHOLD = "household", _("Household registration")
    FARM_SUBSIDIES = "farm_subsidies", _("Agricultural subsidies")
    EMPLOYMENT = "employment", _("Employment")
    SOCIAL_INSURANCE = "social_insurance", _("Social insurance")
    SOCIAL_ASSISTANCE = "social_assistance", _("Social assistance")
    ELDERLY_CARE = "elderly_care", _("Elderly-care services")
    DISASTER_RELIEF = "disaster_relief", _("Disaster relief")
    FOOD_DRUGS = "food_drugs", _("Food and drug supervision")
    URBAN_ENFORCEMENT = "urban_enforcement", _("Comprehensive urban law enforcement")
    ENVIRONMENT = "environment", _("Ecology and environment")
    HEALTH = "health", _("Health")
    EDUCATION = "education", _("Compulsory education")
    MUNICIPAL = "municipal", _("Municipal services")
    AFFORDABLE_HOUSING = "affordable_housing", _("Affordable housing")


class ColumnKind(models.TextChoices):
    """What a column page is for; other apps find standard columns by this value."""

    GENERAL = "general", _("General column")
    DISCLOSURE_ROOT = "disclosure_root", _("Government information disclosure column")
    GUIDE = "guide", _("Disclosure guide")
    RULES_SYSTEMS = "rules_systems", _("Disclosure rules and systems")
    STATUTORY = "statutory", _("Statutory proactive disclosure content")
    ANNUAL_REPORTS = "annual_reports", _("Annual reports on disclosure")
    CATEGORY = "category", _("Art. 20 / art. 21 category")
    KEY_AREA = "key_area", _("Key area")
    TOPIC = "topic", _("Special topic")
    UNITS = "units", _("Units' disclosure")
    UNIT = "unit", _("One unit's disclosure")
    INSTITUTION = "institution", _("Institutional functions and leaders")
    INTERPRETATIONS = "interpretations", _("Policy interpretations")
    GAZETTE = "gazette", _("Government gazette")


class InterpretationKind(models.TextChoices):
    TEXT = "text", _("Text interpretation")
    ILLUSTRATED = "illustrated", _("Illustrated interpretation")
    QA = "qa", _("Questions and answers")
    VIDEO = "video", _("Video interpretation")
