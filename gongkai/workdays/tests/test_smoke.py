import datetime as dt

import pytest

from gongkai.workdays.calendar import add_working_days

pytestmark = pytest.mark.django_db


def test_national_day_2024():
    assert add_working_days(dt.date(2024, 9, 27), 20) == dt.date(2024, 10, 30)
