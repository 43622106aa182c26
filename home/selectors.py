from wagtail.models import Page


def featured_courses_for_home(*, home) -> list[Page]:
    pages = [item.course for item in home.featured_courses.select_related("course")]
    return [page.specific for page in pages if page.live]
