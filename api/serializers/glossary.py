"""Glossary terms: the Dutch word, its approved word in the language, a plain explanation."""

from __future__ import annotations

from rest_framework import serializers

from cms.glossary.models import GlossaryTerm

from .common import TranslatedField, TranslatedObjectSerializer


class GlossaryTermSerializer(TranslatedObjectSerializer):
    main_text_field = "explanation"

    slug = serializers.SlugField(help_text="Stable identifier of the term.")
    term = TranslatedField(help_text="The term in the requested language (or its fallback).")
    dutch_term = serializers.SerializerMethodField(
        help_text="The Dutch word, as it appears in letters and on Dutch websites."
    )
    explanation = TranslatedField(help_text="What the term means, in plain words.")

    def get_dutch_term(self, term: GlossaryTerm) -> str:
        return term.term_nl
