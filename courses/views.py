"""Learning views: thin wrappers around courses.services and courses.selectors."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.auth.views import redirect_to_login
from django.http import Http404, HttpResponse, HttpResponseRedirect, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from . import evaluations, questions, selectors, services, sessions
from .forms import AttendanceCodeForm, BarAdmissionForm, CourseEvaluationForm, FacultyQuestionForm, SessionCodeForm
from .models import (
    AttendanceCodeEntry,
    BarAdmission,
    CoursePage,
    CourseSession,
    Enrollment,
    LessonPage,
    QuizAttempt,
    SessionRegistration,
)


def _live_course(course_id: int) -> CoursePage:
    return get_object_or_404(CoursePage.objects.live(), pk=course_id)


def _own_enrollment(request, course: CoursePage) -> Enrollment:
    return get_object_or_404(Enrollment.objects.select_related("course"), user=request.user, course=course)


def _lesson_and_enrollment(request, lesson_id: int) -> tuple[LessonPage, Enrollment]:
    lesson = get_object_or_404(LessonPage.objects.live(), pk=lesson_id)
    course = get_object_or_404(CoursePage.objects.live(), pk=lesson.get_parent().pk)
    return lesson, _own_enrollment(request, course)


# --- Catalog and course ----------------------------------------------------------------------


@require_GET
def catalog(request):
    index = selectors.catalog_index()
    if index is None:
        return render(request, "courses/catalog_missing.html")
    url = index.get_url(request=request)
    query = request.GET.urlencode()
    return HttpResponseRedirect(f"{url}?{query}" if query else url)


@login_required
@require_GET
def my_learning(request):
    return render(request, "courses/my_learning.html", selectors.learning_overview(user=request.user))


@login_required
@require_POST
def law_update(request, course_id: int):
    course = _live_course(course_id)
    enrollment = _own_enrollment(request, course)
    try:
        services.law_update_take(enrollment=enrollment)
    except services.LearningError as error:
        messages.error(request, str(error))
    else:
        messages.success(request, _("Thank you: your training for this course is up to date again."))
    return redirect(course.get_url(request=request))


@login_required
@require_POST
def enroll(request, course_id: int):
    course = _live_course(course_id)
    try:
        enrollment = services.enrollment_create(user=request.user, course=course)
    except services.LearningError as error:
        messages.error(request, str(error))
        return redirect(course.get_url(request=request))
    progress = selectors.enrollment_progress(enrollment=enrollment)
    messages.success(request, _("You are enrolled. Start with the first lesson when you are ready."))
    if progress.resume_lesson:
        return redirect(progress.resume_lesson.get_url(request=request))
    return redirect(course.get_url(request=request))


@login_required
@require_GET
def resume(request, course_id: int):
    course = _live_course(course_id)
    enrollment = _own_enrollment(request, course)
    progress = selectors.enrollment_progress(enrollment=enrollment)
    target = progress.resume_lesson or course
    return redirect(target.get_url(request=request))


# --- Lessons -----------------------------------------------------------------------------------


def lesson_serve(request, *, lesson: LessonPage, parent_serve, args, kwargs):
    """Serve a lesson page to an enrolled learner, recording the visit; previews pass straight through."""
    if getattr(request, "is_preview", False):
        return parent_serve(request, *args, **kwargs)
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    course = lesson.get_parent().specific
    enrollment = Enrollment.objects.filter(user=request.user, course_id=course.pk).first()
    if enrollment is None:
        messages.info(request, _("Enrol in the course to open its lessons."))
        return redirect(course.get_url(request=request))
    progress = services.lesson_visit(enrollment=enrollment, lesson=lesson)
    previous, following = selectors.lesson_neighbours(lesson=lesson)
    quiz_tokens = {
        block.id: services.quiz_token_issue(
            enrollment=enrollment, kind=QuizAttempt.Kind.KNOWLEDGE_CHECK, lesson=lesson, block_id=block.id
        )
        for block in lesson.body
        if block.block_type == "knowledge_check"
    }
    context = lesson.get_context(request, *args, **kwargs)
    context.update(
        {
            "course": course,
            "enrollment": enrollment,
            "lesson_progress": progress,
            "previous_lesson": previous,
            "next_lesson": following,
            "quiz_tokens": quiz_tokens,
            "check_results": selectors.knowledge_check_results(enrollment=enrollment, lesson=lesson),
            "lesson_requirements": selectors.lesson_requirements(enrollment=enrollment, lesson=lesson),
            "revealed_codes": AttendanceCodeEntry.objects.filter(
                enrollment=enrollment, lesson=lesson, revealed_at__isnull=False
            ),
            "pending_codes": AttendanceCodeEntry.objects.filter(
                enrollment=enrollment, lesson=lesson, revealed_at__isnull=True
            ).count(),
            "faculty_questions": questions.faculty_questions_for(enrollment=enrollment, lesson=lesson),
            "question_form": FacultyQuestionForm(),
        }
    )
    response = TemplateResponse(request, lesson.get_template(request, *args, **kwargs), context)
    response["Cache-Control"] = "private, no-store"
    return response


@login_required
@require_POST
def heartbeat(request, lesson_id: int):
    lesson, enrollment = _lesson_and_enrollment(request, lesson_id)
    result = services.lesson_heartbeat(enrollment=enrollment, lesson=lesson)
    return JsonResponse(
        {
            "lesson_minutes": result.lesson_engaged_seconds // 60,
            "course_minutes": result.course_engaged_seconds // 60,
            "codes": [
                {"entry": entry.pk, "prompt": entry.prompt, "code": entry.expected_code} for entry in result.revealed
            ],
        }
    )


@login_required
@require_POST
def lesson_complete(request, lesson_id: int):
    lesson, enrollment = _lesson_and_enrollment(request, lesson_id)
    try:
        services.lesson_complete(enrollment=enrollment, lesson=lesson)
    except services.LearningError as error:
        messages.error(request, str(error))
        return redirect(lesson.get_url(request=request))
    enrollment.refresh_from_db()
    if enrollment.completed_at:
        messages.success(request, _("Course complete. Your CLE certificate is being prepared."))
        return redirect(enrollment.course.get_url(request=request))
    messages.success(request, _("Lesson marked complete."))
    _previous, following = selectors.lesson_neighbours(lesson=lesson)
    return redirect((following or enrollment.course).get_url(request=request))


@login_required
@require_POST
def attendance_code(request, lesson_id: int):
    lesson, enrollment = _lesson_and_enrollment(request, lesson_id)
    form = AttendanceCodeForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Enter the code shown in the lesson."))
    else:
        try:
            entry = services.attendance_code_enter(
                enrollment=enrollment, entry_id=form.cleaned_data["entry"], value=form.cleaned_data["code"]
            )
        except services.LearningError as error:
            messages.error(request, str(error))
        else:
            if entry.correct:
                messages.success(request, _("Attendance code accepted."))
            else:
                messages.error(request, _("That code does not match. Check the code shown and try again."))
    return redirect(lesson.get_url(request=request) + "#attendance")


@login_required
@require_POST
def knowledge_check(request, lesson_id: int):
    lesson, enrollment = _lesson_and_enrollment(request, lesson_id)
    try:
        outcome = services.quiz_attempt_submit(
            enrollment=enrollment, token=request.POST.get("token", ""), data=request.POST
        )
    except services.LearningError as error:
        messages.error(request, str(error))
        return redirect(lesson.get_url(request=request))
    anchor = f"#check-{outcome.attempt.block_id}"
    return redirect(lesson.get_url(request=request) + anchor)


# --- Final assessment, affirmation --------------------------------------------------------------


@login_required
def assessment(request, course_id: int):
    course = _live_course(course_id)
    enrollment = _own_enrollment(request, course)
    if not course.has_final_assessment():
        raise Http404
    if request.method == "POST":
        try:
            outcome = services.quiz_attempt_submit(
                enrollment=enrollment, token=request.POST.get("token", ""), data=request.POST
            )
        except services.LearningError as error:
            messages.error(request, str(error))
            return redirect("courses:assessment", course_id=course.pk)
        return redirect("courses:assessment_result", course_id=course.pk, number=outcome.attempt.number)
    attempts = list(QuizAttempt.objects.filter(enrollment=enrollment, kind=QuizAttempt.Kind.FINAL).order_by("number"))
    remaining = services.final_attempts_remaining(enrollment=enrollment)
    passed = any(attempt.passed for attempt in attempts)
    can_attempt = remaining > 0 and not passed
    return render(
        request,
        "courses/assessment.html",
        {
            "course": course,
            "enrollment": enrollment,
            "attempts": attempts,
            "remaining": remaining,
            "passed": passed,
            "questions": [block.value for block in course.final_assessment] if can_attempt else [],
            "token": services.quiz_token_issue(enrollment=enrollment, kind=QuizAttempt.Kind.FINAL)
            if can_attempt
            else "",
        },
    )


@login_required
@require_GET
def assessment_result(request, course_id: int, number: int):
    course = _live_course(course_id)
    enrollment = _own_enrollment(request, course)
    attempt = get_object_or_404(QuizAttempt, enrollment=enrollment, kind=QuizAttempt.Kind.FINAL, number=number)
    remaining = services.final_attempts_remaining(enrollment=enrollment)
    # Correct answers are shown only once they can no longer help a later attempt.
    reveal_answers = attempt.passed or remaining == 0
    return render(
        request,
        "courses/assessment_result.html",
        {
            "course": course,
            "enrollment": enrollment,
            "attempt": attempt,
            "remaining": remaining,
            "reveal_answers": reveal_answers,
        },
    )


@login_required
@require_POST
def affirm(request, course_id: int):
    course = _live_course(course_id)
    enrollment = _own_enrollment(request, course)
    if request.POST.get("affirm") != "yes":
        messages.error(request, _("Tick the box to sign the affirmation."))
        return redirect(course.get_url(request=request) + "#affirmation")
    try:
        services.affirmation_sign(enrollment=enrollment)
    except services.LearningError as error:
        messages.error(request, str(error))
    else:
        if enrollment.completed_at:
            messages.success(request, _("Affirmation signed. Course complete: your CLE certificate is being prepared."))
        else:
            messages.success(request, _("Affirmation signed."))
    return redirect(course.get_url(request=request))


# --- Course evaluation ---------------------------------------------------------------------


@login_required
def evaluation(request, course_id: int):
    """The course's evaluation form, open once the course is complete; answers are kept without the attorney."""
    course = _live_course(course_id)
    status = evaluations.evaluation_status(user=request.user, course=course)
    if status == "closed":
        messages.info(request, _("The evaluation opens once you have completed the course."))
        return redirect(course.get_url(request=request))
    if request.method == "POST":
        if request.POST.get("action") == "decline":
            try:
                evaluations.course_evaluation_decline(user=request.user, course=course)
            except evaluations.EvaluationError as error:
                messages.error(request, str(error))
            else:
                messages.info(request, _("We will not ask again. You can still answer from the course page."))
            return redirect("courses:my_learning")
        try:
            evaluations.course_evaluation_submit(
                user=request.user, course=course, answers=request.POST, comment=request.POST.get("comment", "")
            )
        except evaluations.EvaluationError as error:
            messages.error(request, str(error))
            if evaluations.evaluation_status(user=request.user, course=course) == "answered":
                return redirect(course.get_url(request=request))
            form = CourseEvaluationForm(initial=request.POST.dict())
            return render(
                request, "courses/evaluation.html", {"course": course, "form": form, "status": status}, status=400
            )
        messages.success(request, _("Thank you: your evaluation was sent anonymously."))
        return redirect(course.get_url(request=request))
    if status == "answered":
        messages.info(request, _("You have already sent your evaluation of this course. Thank you."))
        return redirect(course.get_url(request=request))
    return render(
        request, "courses/evaluation.html", {"course": course, "form": CourseEvaluationForm(), "status": status}
    )


# --- Bar admissions ------------------------------------------------------------------------------


@login_required
def bar_admissions(request):
    form = BarAdmissionForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.bar_admission_save(user=request.user, **form.cleaned_data)
        except services.LearningError as error:
            form.add_error("jurisdiction", str(error))
        else:
            messages.success(request, _("Bar admission saved."))
            return redirect("courses:bar_admissions")
    admissions = BarAdmission.objects.filter(user=request.user).select_related("jurisdiction")
    return render(request, "courses/bar_admissions.html", {"form": form, "admissions": admissions})


@login_required
def bar_admission_edit(request, admission_id: int):
    admission = get_object_or_404(BarAdmission, pk=admission_id, user=request.user)
    initial = {
        "jurisdiction": admission.jurisdiction_id,
        "bar_number": admission.bar_number,
        "status": admission.status,
        "admitted_on": admission.admitted_on,
        "birth_date": admission.birth_date,
        "roll_surname": admission.roll_surname,
    }
    form = BarAdmissionForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            services.bar_admission_save(user=request.user, admission=admission, **form.cleaned_data)
        except services.LearningError as error:
            form.add_error("jurisdiction", str(error))
        else:
            messages.success(request, _("Bar admission saved."))
            return redirect("courses:bar_admissions")
    return render(request, "courses/bar_admission_edit.html", {"form": form, "admission": admission})


@login_required
@require_POST
def bar_admission_delete(request, admission_id: int):
    admission = get_object_or_404(BarAdmission, pk=admission_id, user=request.user)
    services.bar_admission_delete(user=request.user, admission=admission)
    messages.success(request, _("Bar admission removed."))
    return redirect("courses:bar_admissions")


# --- Live sessions -------------------------------------------------------------------------------


def _session_of_live_course(session_id: int) -> CourseSession:
    session = get_object_or_404(CourseSession.objects.select_related("course"), pk=session_id)
    if not session.course.live:
        raise Http404
    return session


def _own_registration(request, session_id: int) -> SessionRegistration:
    registration = sessions.registration_for_user(user=request.user, session_id=session_id)
    if registration is None or not registration.session.course.live:
        raise Http404
    return registration


@login_required
@require_POST
def session_register(request, session_id: int):
    session = _session_of_live_course(session_id)
    try:
        sessions.session_register(user=request.user, session=session)
    except services.LearningError as error:
        messages.error(request, str(error))
        return redirect(session.course.get_url(request=request) + "#sessions")
    messages.success(request, _("You are registered. Add the session to your calendar below."))
    return redirect("courses:session", session_id=session.pk)


@login_required
@require_POST
def session_cancel(request, session_id: int):
    registration = _own_registration(request, session_id)
    try:
        sessions.session_cancel(registration=registration)
    except services.LearningError as error:
        messages.error(request, str(error))
        return redirect("courses:session", session_id=session_id)
    messages.success(request, _("Your registration is cancelled; the seat is free for someone else."))
    return redirect(registration.session.course.get_url(request=request) + "#sessions")


@login_required
@require_GET
def session_detail(request, session_id: int):
    registration = _own_registration(request, session_id)
    if registration.signed_in_at and registration.attended_minutes is None:
        # An attendee who never signed out is recorded at the end, here if the task has not run yet.
        registration = sessions.session_attendance_record(registration=registration)
    session = registration.session
    context = {
        "registration": registration,
        "session": session,
        "course": session.course,
        "state": sessions.session_state(session=session, now=timezone.now()),
        "code_form": SessionCodeForm(),
        "sign_in_opens_minutes": sessions.SIGN_IN_OPENS_MINUTES,
    }
    response = render(request, "courses/session.html", context)
    response["Cache-Control"] = "private, no-store"
    return response


def _session_action(request, session_id: int, action, success: str):
    registration = _own_registration(request, session_id)
    try:
        action(registration=registration)
    except services.LearningError as error:
        messages.error(request, str(error))
    else:
        messages.success(request, success)
    return redirect("courses:session", session_id=session_id)


@login_required
@require_POST
def session_sign_in(request, session_id: int):
    return _session_action(
        request, session_id, sessions.session_sign_in, _("Signed in. Enter the session code when it is read out.")
    )


@login_required
@require_POST
def session_sign_out(request, session_id: int):
    return _session_action(request, session_id, sessions.session_sign_out, _("Signed out. Thank you for attending."))


@login_required
@require_POST
def session_code(request, session_id: int):
    registration = _own_registration(request, session_id)
    form = SessionCodeForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Type the code the faculty read out."))
        return redirect("courses:session", session_id=session_id)
    try:
        correct = sessions.session_code_enter(registration=registration, value=form.cleaned_data["code"])
    except services.LearningError as error:
        messages.error(request, str(error))
    else:
        if correct:
            messages.success(request, _("Session code accepted. Sign out when the session ends."))
        else:
            messages.error(request, _("That is not the session code. Check it with the faculty and try again."))
    return redirect("courses:session", session_id=session_id)


@login_required
@require_GET
def session_calendar(request, session_id: int):
    registration = _own_registration(request, session_id)
    if registration.cancelled_at is not None:
        raise Http404
    session = registration.session
    body = sessions.session_ics(session=session, course_url=session.course.get_full_url(request=request))
    response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="course-session-{session.pk}.ics"'
    response["Cache-Control"] = "private, no-store"
    response["X-Content-Type-Options"] = "nosniff"
    return response


# --- Questions to the faculty --------------------------------------------------------------------


@login_required
@require_POST
def lesson_question(request, lesson_id: int):
    lesson, enrollment = _lesson_and_enrollment(request, lesson_id)
    form = FacultyQuestionForm(request.POST)
    if not form.is_valid():
        messages.error(request, " ".join(form.errors.get("question", [_("Write your question first.")])))
    else:
        try:
            questions.faculty_question_ask(enrollment=enrollment, lesson=lesson, text=form.cleaned_data["question"])
        except services.LearningError as error:
            messages.error(request, str(error))
        else:
            messages.success(request, _("Question sent to the faculty. The answer will appear here."))
    return redirect(lesson.get_url(request=request) + "#faculty-questions")
