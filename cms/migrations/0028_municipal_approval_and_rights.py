"""The approval tasks become MunicipalApprovalTasks, and the roles get their rights under
every municipality's home.

Apart from 0022 (the tables) so that each runs in its own transaction: the
content version's deferred triggers must have fired before a table is dropped
when migrating back.
"""

from django.db import migrations

# The moderation steps: their ids, groups and the submissions in progress stay;
# only their type changes (``cms.permissions.approval``).
MODERATION_TASK = "Coordinator approval"


def _convert(apps, schema_editor, old_label, new_label):
    """Make each approval task a task of another type, in place (same id, same groups)."""
    Old = apps.get_model(*old_label)
    New = apps.get_model(*new_label)
    Task = apps.get_model("wagtailcore", "Task")
    ContentType = apps.get_model("contenttypes", "ContentType")
    content_type, _ = ContentType.objects.get_or_create(
        app_label=new_label[0], model=new_label[1].lower()
    )
    quote = schema_editor.connection.ops.quote_name
    # Every group approval task: the coordinators' step, and Wagtail's own "Moderators
    # approval" (its default workflow, on the root), which then also lets a municipality's
    # coordinators approve what is submitted under their home.
    for old in Old.objects.all():
        group_ids = list(old.groups.values_list("pk", flat=True))
        old.groups.clear()
        # Only the subtype's row: the task row (and every state pointing at it) stays.
        with schema_editor.connection.cursor() as cursor:
            cursor.execute(
                f"DELETE FROM {quote(Old._meta.db_table)} WHERE task_ptr_id = %s", [old.pk]
            )
        new = New(
            task_ptr_id=old.pk, name=old.name, active=old.active, content_type_id=content_type.pk
        )
        new.save_base(raw=True)
        Task.objects.filter(pk=old.pk).update(content_type=content_type)
        new.groups.set(group_ids)


# As in ``cms.permissions.setup`` when this migration was written.
COORDINATORS = "Coordinators"
COORDINATOR_PAGE_ACTIONS = ["add", "change", "publish", "bulk_delete", "lock", "unlock"]
ROLE_PAGE_ACTIONS = {"editor": ["add", "change", "publish"], "contributor": ["add", "change"]}


def grant_rights_in_every_municipality(apps, schema_editor):
    """Before this, the roles had rights under the first municipality's home only.

    A region imported before now gets them under every home: the regional
    coordinators on each home, the partners' groups on each activities and
    guides section, and the moderation workflow on those sections.
    (``cms.permissions.setup.ensure_municipality_rights`` does it from now on.)
    """
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    ContentType = apps.get_model("contenttypes", "ContentType")
    GroupPagePermission = apps.get_model("wagtailcore", "GroupPagePermission")
    Page = apps.get_model("wagtailcore", "Page")
    Workflow = apps.get_model("wagtailcore", "Workflow")
    WorkflowPage = apps.get_model("wagtailcore", "WorkflowPage")
    Municipality = apps.get_model("cms", "Municipality")
    PartnerGroup = apps.get_model("cms", "PartnerGroup")

    permissions = {
        p.codename: p
        for p in Permission.objects.filter(
            content_type__app_label="wagtailcore", content_type__model="page"
        )
    }
    if not permissions:  # a fresh database: ``ensure_coordinators`` grants everything later
        return
    section_types = ContentType.objects.filter(
        app_label="cms", model__in=["activityindexpage", "guideindexpage"]
    )
    coordinators = Group.objects.filter(name=COORDINATORS).first()
    workflow = Workflow.objects.filter(name=MODERATION_TASK).first()
    links = list(PartnerGroup.objects.all())

    def grant(group_id, page, actions):
        for action in actions:
            GroupPagePermission.objects.get_or_create(
                group_id=group_id, page=page, permission=permissions[f"{action}_page"]
            )

    for municipality in Municipality.objects.select_related("site"):
        home = Page.objects.filter(pk=municipality.site.root_page_id).first()
        if home is None:
            continue
        if coordinators is not None:
            grant(coordinators.pk, home, COORDINATOR_PAGE_ACTIONS)
        sections = Page.objects.filter(
            path__startswith=home.path, depth=home.depth + 1, content_type__in=section_types
        )
        for section in sections:
            for link in links:
                grant(link.group_id, section, ROLE_PAGE_ACTIONS[link.role])
            if workflow is not None:
                WorkflowPage.objects.get_or_create(page=section, defaults={"workflow": workflow})


def to_municipal_task(apps, schema_editor):
    _convert(
        apps,
        schema_editor,
        ("wagtailcore", "GroupApprovalTask"),
        ("cms", "MunicipalApprovalTask"),
    )


def to_group_task(apps, schema_editor):
    _convert(
        apps,
        schema_editor,
        ("cms", "MunicipalApprovalTask"),
        ("wagtailcore", "GroupApprovalTask"),
    )


class Migration(migrations.Migration):
    dependencies = [
        ("cms", "0027_municipality_coordinators"),
    ]

    operations = [
        migrations.RunPython(to_municipal_task, to_group_task),
        migrations.RunPython(grant_rights_in_every_municipality, migrations.RunPython.noop),
    ]
