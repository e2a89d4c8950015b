"""RSS 2.0 and Atom feeds of each column's latest items."""

import datetime as dt

from django.contrib.syndication.views import Feed
from django.shortcuts import get_object_or_404
from django.utils import timezone
from django.utils.feedgenerator import Atom1Feed

from ..columns import items_for_column
from ..models import ColumnPage


class ColumnFeed(Feed):
    def get_object(self, request, column_id):
        return get_object_or_404(ColumnPage.objects.live(), pk=column_id)

    def title(self, column):
        return column.title

    def link(self, column):
        return column.url

    def description(self, column):
        return column.description or column.title

    def items(self, column):
        return items_for_column(column)[:30]

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        return item.summary

    def item_link(self, item):
        return item.url

    def item_guid(self, item):
        return item.index_number or str(item.pk)

    def item_pubdate(self, item):
        date = item.date_published or item.date_written
        return timezone.make_aware(dt.datetime.combine(date, dt.time(9, 0)))


class ColumnAtomFeed(ColumnFeed):
    feed_type = Atom1Feed
    subtitle = ColumnFeed.description
