from django.conf import settings
from django.contrib import admin
from django.urls import include, path

from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from . import views

handler400 = "portal.errors.bad_request"
handler403 = "portal.errors.permission_denied"
handler500 = "portal.errors.server_error"
handler429 = "portal.errors.too_many_requests"  # allauth's rate limits answer with it

urlpatterns = [
    path("healthz/", views.healthz, name="healthz"),
    path("favicon.ico", views.favicon),
    path("akun/", include("allauth.urls")),
    # Django's set_language, which also remembers the choice on the account (mails and notices use it).
    path("i18n/setlang/", views.set_language, name="set_language"),
    # Both admin logins go through allauth, so rate limits and MFA apply there too.
    path("admin/login/", views.admin_login_redirect),
    path("django-admin/login/", views.admin_login_redirect),
    path("django-admin/", admin.site.urls),
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("", include("portal.notifications.urls")),
    path("", include("performance.adoption.urls")),  # /pimpinan/, the leadership dashboard
    path("", include("performance.campaigns.urls")),  # /kampanye/, the campaign pages
    path("", include("learning.urls")),
    path("", include("performance.development.urls")),
    path("", include("performance.supervision.urls")),
    path("", include("performance.urls")),
    path("", include("performance.dashboard.urls")),
    path("", include("performance.pulse.urls")),
    path("", include("performance.survey.urls")),
    path("", include("home.urls")),
]

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

urlpatterns.append(path("", include(wagtail_urls)))
