"""Content editors author courses: page permissions on the site's page tree and image and
document permissions in a "Course materials" collection. No mentorship or case data.

Idempotent (everything is got or created). The reverse is a no-op: the group, the collection
and what was uploaded into it stay, and permissions granted since are not the migration's to take.
"""

from django.db import migrations

GROUP_NAME = "Content editors"  # accounts.roles.ROLE_GROUP_NAMES[Role.CONTENT_EDITOR]
COLLECTION_NAME = "Course materials"

# Add, edit, publish, and lock/unlock (so an editor can hold a page while revising it).
# Not bulk delete: a course or lesson with learners' records is kept for CLE audits.
PAGE_PERMISSIONS = [
    ("add_page", "Can add page"),
    ("change_page", "Can change page"),
    ("publish_page", "Publish any page"),
    ("lock_page", "Lock/unlock pages you've locked"),
    ("unlock_page", "Unlock any page"),
]
COLLECTION_PERMISSIONS = {
    ("wagtailimages", "image"): [
        ("add_image", "Can add image"),
        ("change_image", "Can change image"),
        ("choose_image", "Can choose image"),
    ],
    ("wagtaildocs", "document"): [
        ("add_document", "Can add document"),
        ("change_document", "Can change document"),
        ("choose_document", "Can choose document"),
    ],
}
_ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"  # treebeard's path alphabet, steplen 4


def _permission(apps, app_label, model, codename, name):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    content_type, _ = ContentType.objects.get_or_create(app_label=app_label, model=model)
    # On a fresh database the permission rows come after migrations (post_migrate): create them now.
    permission, _ = Permission.objects.get_or_create(
        content_type=content_type, codename=codename, defaults={"name": name}
    )
    return permission


def _next_child_path(parent, children) -> str:
    last = children.order_by("-path").values_list("path", flat=True).first()
    if last is None:
        return parent.path + "0001"
    number = 0
    for char in last[-4:]:
        number = number * 36 + _ALPHABET.index(char)
    number += 1
    step = ""
    for _ in range(4):
        number, digit = divmod(number, 36)
        step = _ALPHABET[digit] + step
    return last[:-4] + step


def _course_materials(apps):
    Collection = apps.get_model("wagtailcore", "Collection")
    root = Collection.objects.filter(depth=1).order_by("path").first()
    if root is None:
        return None
    existing = Collection.objects.filter(depth=2, path__startswith=root.path, name=COLLECTION_NAME).first()
    if existing is not None:
        return existing
    children = Collection.objects.filter(depth=2, path__startswith=root.path)
    collection = Collection.objects.create(
        name=COLLECTION_NAME, path=_next_child_path(root, children), depth=2, numchild=0
    )
    root.numchild = Collection.objects.filter(depth=2, path__startswith=root.path).count()
    root.save(update_fields=["numchild"])
    return collection


def grant(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    GroupPagePermission = apps.get_model("wagtailcore", "GroupPagePermission")
    GroupCollectionPermission = apps.get_model("wagtailcore", "GroupCollectionPermission")
    HomePage = apps.get_model("home", "HomePage")

    group, _ = Group.objects.get_or_create(name=GROUP_NAME)
    group.permissions.add(_permission(apps, "wagtailadmin", "admin", "access_admin", "Can access Wagtail admin"))

    # The home page is the site's root: the course catalog, its courses and lessons are below it.
    home = HomePage.objects.filter(depth=2).order_by("path").first()
    if home is not None:
        for codename, name in PAGE_PERMISSIONS:
            GroupPagePermission.objects.get_or_create(
                group=group, page_id=home.pk, permission=_permission(apps, "wagtailcore", "page", codename, name)
            )

    collection = _course_materials(apps)
    if collection is not None:
        for (app_label, model), permissions in COLLECTION_PERMISSIONS.items():
            for codename, name in permissions:
                GroupCollectionPermission.objects.get_or_create(
                    group=group,
                    collection=collection,
                    permission=_permission(apps, app_label, model, codename, name),
                )


class Migration(migrations.Migration):
    dependencies = [
        ("courses", "0007_video_captions"),
        ("home", "0002_create_homepage"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("wagtailcore", "0098_apitoken"),
        ("wagtailimages", "0027_image_description"),
        ("wagtaildocs", "0014_alter_document_file_size"),
        ("wagtailadmin", "0001_create_admin_access_permissions"),
    ]

    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]
