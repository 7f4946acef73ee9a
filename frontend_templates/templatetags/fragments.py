"""``{% remembered "name" value ... %}…{% endremembered %}``: a part of the page written once.

The menu and the footer are the same on every page of one municipality's site
in one language: 21 of a guide page's 34 translated strings and 9 of its links,
about a tenth of its time (bench/results/notes.md); the questions of "Was this
clear?" under every guide and activity are another 9 (its form token stays each
answer's own: it is outside the part). This writes such a part
once per content version, language and the values named, per process
(``cms.content_version.memo``), so the first request after any commit writes it
afresh (a municipality renamed shows at once). Outside a public GET nothing is
remembered and the part is written every time.

Django's ``{% cache %}`` keeps fragments in the shared cache for a lifetime: here
that is a round trip to the database for each, and a lifetime would show a
renamed municipality late.
"""

from __future__ import annotations

from django import template
from django.utils.translation import get_language

from cms.content_version.memo import remembered as remembered_answer

register = template.Library()


class RememberedNode(template.Node):
    def __init__(self, name: str, vary: list, nodelist: template.NodeList):
        self.name, self.vary, self.nodelist = name, vary, nodelist

    def render(self, context) -> str:
        # Only strings and numbers go into the key: what the part shows of them.
        values = tuple(str(value.resolve(context)) for value in self.vary)
        key = ("page part", self.name, get_language(), values)
        return remembered_answer(key, lambda: self.nodelist.render(context))


@register.tag
def remembered(parser, token) -> RememberedNode:
    """``{% remembered "menu" municipality.slug %}``: the part, once per version, language
    and the values named (everything the part shows besides fixed text and links)."""
    bits = token.split_contents()
    if len(bits) < 2:
        raise template.TemplateSyntaxError("{% remembered %} needs the part's name")
    nodelist = parser.parse(("endremembered",))
    parser.delete_first_token()
    return RememberedNode(bits[1], [parser.compile_filter(bit) for bit in bits[2:]], nodelist)
