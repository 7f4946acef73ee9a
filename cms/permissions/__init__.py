"""Who may do what: the platform's roles and the rules that keep partners apart.

- ``roles``: membership (coordinator, a partner's editor or contributor).
- ``pages``: activities and guides belong to their organiser / author partner.
- ``policy``: partners report progress on the policy actions they are responsible for.
- ``coordinator_only``: what only coordinators handle (surveys, the contact point's routing,
  buddy projects); ``cms.taking_part.permissions``: sign-ups and buddy lists, per partner.
- ``setup``: the groups, page permissions and moderation workflow behind the roles.
- ``registry``, ``signals``: the policies plugged into Wagtail; partner groups kept in step.

The models are built from ``pages`` and ``policy`` (page mixins, forms), which
read only ``roles`` and its membership model; ``setup``, ``signals`` and
``registry`` read the models. Imports therefore run one way, with no cycle:
models → pages, policy → roles → ``cms.models.membership``.

Every rule is a plain function here; ``cms/wagtail_hooks.py`` only plugs them
into Wagtail. Features kept in their own package hold their own rules:
``cms.contact_point.permissions`` (questions), ``cms.surveys.permissions``.
"""
