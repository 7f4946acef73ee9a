"""The admin of the contact point: answering questions, and routing topics to partners.

The list starts from ``questions_for(user)``, and every view of one question
(edit, history, usage, delete) asks ``may_handle``: another partner's question is
neither listed nor opened by its address. Questions are never created here
(the policy refuses "add"), and they have no revisions: a revision would keep
a copy of the asker's words past their erasure.
"""

from __future__ import annotations

import logging

from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin import messages
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel, ObjectList
from wagtail.admin.ui.tables import Column, DateColumn, TitleColumn
from wagtail.admin.views import generic
from wagtail.admin.views.generic import history, usage
from wagtail.admin.viewsets.base import ViewSetGroup
from wagtail.admin.viewsets.model import ModelViewSet

from ..models import Question, TopicResponsibility
from ..permissions.roles import is_coordinator
from ..read_only_panels import ShownFieldPanel
from .handling import Handled, answer_to_send, record_handling, send_answer
from .permissions import coordinates_question, may_handle, questions_for
from .routing_admin import RoutingDeleteView, RoutingEditView, RoutingForm, RoutingIndexView

logger = logging.getLogger(__name__)

COORDINATORS = _("Coordinators")


def handled_by(question: Question) -> str:
    return question.routed_partner.name if question.routed_partner else str(COORDINATORS)


class QuestionAnswerForm(WagtailAdminModelForm):
    """Answer and status; a coordinator of the question's municipality can also route it to
    another partner (of that municipality, unless they are a regional coordinator)."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        user = self.for_user
        if user is None or not coordinates_question(user, self.instance):
            # Left out of the form: neither shown nor saved.
            self.fields.pop("routed_partner", None)
            return
        field = self.fields["routed_partner"]
        field.empty_label = COORDINATORS
        if not is_coordinator(user) and self.instance.municipality_id is not None:
            field.queryset = field.queryset.filter(municipalities=self.instance.municipality_id)

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("status") == Question.Status.ANSWERED and not cleaned.get("answer"):
            self.add_error(
                "answer", ValidationError(_("Write the answer before marking it as answered."))
            )
        return cleaned


class QuestionsOfUserMixin:
    """Views of one question: refused unless the user may handle it (as routed now)."""

    def get_object(self, *args, **kwargs):
        question = super().get_object(*args, **kwargs)
        if not may_handle(self.request.user, question):
            raise PermissionDenied
        return question


class QuestionIndexView(generic.IndexView):
    def get_base_queryset(self):
        return questions_for(self.request.user).select_related("routed_partner")


class QuestionEditView(QuestionsOfUserMixin, generic.EditView):
    def get_object(self, queryset=None):
        question = super().get_object(queryset)
        self.before = Handled.of(question)
        return question

    def save_instance(self):
        question = self.form.instance
        now = timezone.now()
        record_handling(question, self.before, now)
        super().save_instance()
        if answer_to_send(question, self.before):
            try:
                send_answer(question, now)
            except Exception:
                # The answer is saved either way; the editor must know it did not go out.
                logger.exception("Could not e-mail the answer to question %s", question.reference)
                messages.warning(
                    self.request,
                    _(
                        "The answer is saved, but it could not be e-mailed. "
                        "Try saving again later, or reach the asker another way."
                    ),
                )
        return question


class QuestionDeleteView(QuestionsOfUserMixin, generic.DeleteView):
    def get_object(self, *args, **kwargs):
        question = super().get_object(*args, **kwargs)
        if not coordinates_question(self.request.user, question):
            raise PermissionDenied
        return question


class QuestionHistoryView(QuestionsOfUserMixin, history.HistoryView):
    pass


class QuestionUsageView(QuestionsOfUserMixin, usage.UsageView):
    """Wagtail's usage view named any question to any editor (issue #21): same rule here."""


class QuestionViewSet(ModelViewSet):
    """Questions: a partner's editors answer theirs; coordinators see all and re-route."""

    model = Question
    icon = "help"
    menu_label = _("Questions")
    add_to_admin_menu = False
    copy_view_enabled = False
    inspect_view_enabled = False
    add_to_reference_index = False
    index_view_class = QuestionIndexView
    edit_view_class = QuestionEditView
    delete_view_class = QuestionDeleteView
    history_view_class = QuestionHistoryView
    usage_view_class = QuestionUsageView
    list_filter = ["status", "topic"]
    list_display = [
        TitleColumn("reference", label=_("Reference"), url_name="questions:edit"),
        Column("topic", label=_("Topic"), accessor="get_topic_display"),
        Column("language", label=_("Language")),
        Column("status", label=_("Status"), accessor="get_status_display"),
        Column("routed_partner", label=_("Answered by"), accessor=handled_by),
        DateColumn("created_at", label=_("Asked")),
    ]
    edit_handler = ObjectList(
        [
            MultiFieldPanel(
                [
                    FieldRowPanel(
                        [
                            ShownFieldPanel("topic"),
                            ShownFieldPanel("language"),
                            ShownFieldPanel("created_at"),
                            ShownFieldPanel("personal_data_erased_at"),
                        ]
                    ),
                    ShownFieldPanel("text"),
                    FieldRowPanel(
                        [
                            ShownFieldPanel("contact_method"),
                            ShownFieldPanel("contact_value"),
                        ]
                    ),
                ],
                heading=_("The question"),
                help_text=_(
                    "The question, the contact and the answer are erased automatically "
                    "once the retention period is over."
                ),
            ),
            FieldPanel("routed_partner"),
            FieldPanel(
                "answer",
                help_text=_(
                    "Write in the language of the question if you can. If the asker left an "
                    "e-mail address, the answer is e-mailed when you mark it as answered."
                ),
            ),
            FieldPanel("status"),
            ShownFieldPanel("answer_sent_at"),
        ],
        base_form_class=QuestionAnswerForm,
    )


class TopicResponsibilityViewSet(ModelViewSet):
    """The coordinator decides which partner answers which topic (per municipality)."""

    model = TopicResponsibility
    icon = "arrow-right"
    menu_label = _("Question routing")
    add_to_admin_menu = False
    copy_view_enabled = False
    edit_handler = ObjectList(
        [FieldPanel("topic"), FieldPanel("partner"), FieldPanel("municipality")],
        base_form_class=RoutingForm,
    )
    index_view_class = RoutingIndexView
    edit_view_class = RoutingEditView
    delete_view_class = RoutingDeleteView
    list_display = [
        TitleColumn(
            "topic",
            label=_("Topic"),
            accessor="get_topic_display",
            url_name="question_routing:edit",
        ),
        Column("partner", label=_("Answered by")),
        Column("municipality", label=_("Municipality")),
    ]


class ContactPointViewSetGroup(ViewSetGroup):
    menu_label = _("Contact point")
    menu_icon = "help"
    menu_order = 150
    items = (
        QuestionViewSet("questions"),
        TopicResponsibilityViewSet("question_routing"),
    )
