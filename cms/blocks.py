"""StreamField blocks for the body of activities and guides.

Kept small on purpose: partner editors have little time, and every block must
render on a cheap phone and serialise to plain JSON for the API.
"""

from wagtail import blocks

# Rich text without headings above h3 or embeds: the page title is the h1 and
# embedded media are heavy on a prepaid data plan.
RICH_TEXT_FEATURES = ["h3", "bold", "italic", "ol", "ul", "link"]


class StepBlock(blocks.StructBlock):
    title = blocks.CharBlock(max_length=200)
    text = blocks.TextBlock(required=False)

    class Meta:
        icon = "list-ol"


class ContactCardBlock(blocks.StructBlock):
    name = blocks.CharBlock(max_length=200)
    phone = blocks.CharBlock(max_length=40, required=False)
    email = blocks.EmailBlock(required=False)
    website = blocks.URLBlock(required=False)
    opening_hours = blocks.CharBlock(max_length=200, required=False)

    class Meta:
        icon = "user"


class QuestionBlock(blocks.StructBlock):
    question = blocks.CharBlock(max_length=300)
    answer = blocks.TextBlock()


class LinkBlock(blocks.StructBlock):
    url = blocks.URLBlock()
    label = blocks.CharBlock(max_length=200)

    class Meta:
        icon = "link"


class BodyBlock(blocks.StreamBlock):
    text = blocks.RichTextBlock(features=RICH_TEXT_FEATURES)
    steps = blocks.ListBlock(StepBlock(), icon="list-ol")
    contact = ContactCardBlock()
    faq = blocks.ListBlock(QuestionBlock(), icon="help")
    link = LinkBlock()
