from wagtail.models import Page
from wagtail.test.utils import WagtailPageTestCase

from courses.models import CourseIndexPage, CoursePage, LessonPage
from home.models import HomePage


class PageTypeRulesTests(WagtailPageTestCase):
    def test_catalog_lives_under_the_home_page_only(self):
        self.assertAllowedParentPageTypes(CourseIndexPage, {HomePage})
        self.assertCanCreateAt(HomePage, CourseIndexPage)
        self.assertCanNotCreateAt(CourseIndexPage, CourseIndexPage)
        self.assertCanNotCreateAt(CoursePage, CourseIndexPage)

    def test_courses_live_only_in_the_catalog(self):
        self.assertAllowedParentPageTypes(CoursePage, {CourseIndexPage})
        self.assertCanCreateAt(CourseIndexPage, CoursePage)
        self.assertCanNotCreateAt(HomePage, CoursePage)
        self.assertCanNotCreateAt(CoursePage, CoursePage)
        self.assertCanNotCreateAt(LessonPage, CoursePage)

    def test_lessons_live_only_in_a_course_and_have_no_children(self):
        self.assertAllowedParentPageTypes(LessonPage, {CoursePage})
        self.assertAllowedSubpageTypes(LessonPage, set())
        self.assertAllowedSubpageTypes(CoursePage, {LessonPage})
        self.assertAllowedSubpageTypes(CourseIndexPage, {CoursePage})
        self.assertCanNotCreateAt(CourseIndexPage, LessonPage)
        self.assertCanNotCreateAt(HomePage, LessonPage)
        self.assertCanNotCreateAt(Page, LessonPage)
