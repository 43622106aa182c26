"""A course's versions in other languages link to each other, and its content says its language."""

from tests.factories import CoursePageFactory, EnrollmentFactory, LessonPageFactory


def test_a_translation_and_its_original_link_to_each_other(client, catalog):
    original = CoursePageFactory(parent=catalog, title="VAWA self-petitions", slug="vawa")
    spanish = CoursePageFactory(
        parent=catalog, title="Autopeticiones VAWA", slug="autopeticiones-vawa", language="es", translation_of=original
    )
    english_page = client.get(original.url).content.decode()
    assert "Also available in:" in english_page
    assert f'href="{spanish.url}" hreflang="es"' in english_page
    assert '<span lang="es">Autopeticiones VAWA</span>' in english_page
    spanish_page = client.get(spanish.url).content.decode()
    assert f'href="{original.url}" hreflang="en"' in spanish_page
    assert '<h1 lang="es">Autopeticiones VAWA</h1>' in spanish_page


def test_translations_of_one_original_link_to_each_other_and_a_draft_is_not_linked(catalog):
    original = CoursePageFactory(parent=catalog, slug="u-visa")
    spanish = CoursePageFactory(parent=catalog, slug="visa-u", language="es", translation_of=original)
    draft = CoursePageFactory(parent=catalog, slug="u-visa-fr", language="fr", translation_of=original, live=False)
    assert {page.pk for page in spanish.other_versions()} == {original.pk}
    assert {page.pk for page in original.other_versions()} == {spanish.pk}
    assert draft.pk not in {page.pk for page in original.other_versions()}


def test_a_course_with_no_versions_shows_no_line(client, course):
    assert "Also available in:" not in client.get(course.url).content.decode()


def test_a_spanish_lesson_marks_its_text_as_spanish(client_for, catalog):
    spanish = CoursePageFactory(parent=catalog, slug="asilo", language="es")
    lesson = LessonPageFactory(parent=spanish, title="Grupo social determinado", slug="grupo")
    enrollment = EnrollmentFactory(course=spanish)
    html = client_for(enrollment.user).get(lesson.url).content.decode()
    assert '<h1 lang="es">Grupo social determinado</h1>' in html
    assert 'class="prose lesson__body" lang="es"' in html
