"""The program staff area (/staff/...): cases, matching, placement, check-ins, reports."""

app_name = "staff"
urlpatterns = []
