"""Which fields exist once per language (django-modeltranslation).

Every field listed here gets ``<field>_<code>`` columns for all configured
languages; the Wagtail admin shows one input per language.
"""

from modeltranslation.translator import TranslationOptions, register

from ..models import (
    ActivityIndexPage,
    ActivityPage,
    BuildingBlock,
    Category,
    GlossaryTerm,
    GuideIndexPage,
    GuidePage,
    HomePage,
    Partner,
    PolicyAction,
    PolicyPlanPage,
    ProgressUpdate,
    Survey,
    SurveyOption,
    SurveyQuestion,
)


@register(Category)
class CategoryTranslation(TranslationOptions):
    fields = ("name",)


@register(BuildingBlock)
class BuildingBlockTranslation(TranslationOptions):
    fields = ("name", "description")


@register(Partner)
class PartnerTranslation(TranslationOptions):
    fields = ("description",)


@register(HomePage)
class HomePageTranslation(TranslationOptions):
    fields = ("intro",)


@register(ActivityIndexPage)
class ActivityIndexPageTranslation(TranslationOptions):
    fields = ("intro",)


@register(GuideIndexPage)
class GuideIndexPageTranslation(TranslationOptions):
    fields = ("intro",)


@register(PolicyPlanPage)
class PolicyPlanPageTranslation(TranslationOptions):
    fields = ("intro",)


@register(ActivityPage)
class ActivityPageTranslation(TranslationOptions):
    fields = ("summary", "body", "training_times")
    # Dutch is the source: it must always be there.
    required_languages = {"nl": ("summary",)}


@register(GuidePage)
class GuidePageTranslation(TranslationOptions):
    fields = ("summary", "body")
    required_languages = {"nl": ("summary",)}


@register(PolicyAction)
class PolicyActionTranslation(TranslationOptions):
    fields = ("title", "description")
    required_languages = {"nl": ("title",)}


@register(ProgressUpdate)
class ProgressUpdateTranslation(TranslationOptions):
    fields = ("text",)
    required_languages = {"nl": ("text",)}


@register(Survey)
class SurveyTranslation(TranslationOptions):
    fields = ("title", "intro")
    required_languages = {"nl": ("title",)}


@register(SurveyQuestion)
class SurveyQuestionTranslation(TranslationOptions):
    fields = ("prompt",)
    required_languages = {"nl": ("prompt",)}


@register(SurveyOption)
class SurveyOptionTranslation(TranslationOptions):
    fields = ("label",)
    required_languages = {"nl": ("label",)}


@register(GlossaryTerm)
class GlossaryTermTranslation(TranslationOptions):
    fields = ("term", "explanation")
    required_languages = {"nl": ("term", "explanation")}
