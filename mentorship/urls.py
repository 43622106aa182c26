"""Pages for attorneys and mentors (/mentorship/...) and the private calendar feed."""

app_name = "mentorship"
urlpatterns = []
