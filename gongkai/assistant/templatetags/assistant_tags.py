"""``{% assistant_strings %}``: the widget's interface strings, translated, as a JSON script."""

from django import template
from django.utils.html import json_script
from django.utils.translation import gettext as _

register = template.Library()


@register.simple_tag
def assistant_strings():
    strings = {
        "thinking": _("Looking it up…"),
        "sources": _("Sources"),
        "didYouMean": _("Did you mean:"),
        "contact": _("Ask the staff:"),
        "phone": _("Telephone"),
        "hours": _("Office hours"),
        "address": _("Address"),
        "consult": _("Send a consultation message"),
        "rate": _("Was this answer helpful?"),
        "helpful": _("Helpful"),
        "notHelpful": _("Not helpful"),
        "thanks": _("Thank you for your rating."),
        "error": _("The assistant is unavailable just now. Please try again later."),
        "listening": _("Listening… speak your question."),
        "voiceFailed": _("Voice input did not work; please type your question."),
        "confidence": _("Confidence"),
        "you": _("You"),
        "bot": _("Pingping"),
        "empty": _("Please type a question."),
    }
    return json_script(strings, "qa-strings")
