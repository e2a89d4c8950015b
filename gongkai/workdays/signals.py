"""Sent when a year's holiday arrangement is entered, so apps holding dates computed on it recompute them."""

from django.dispatch import Signal

calendar_changed = Signal()  # sender: the CalendarYear; kwargs: year
