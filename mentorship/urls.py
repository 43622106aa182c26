app_name = "mentorship"
urlpatterns = []
