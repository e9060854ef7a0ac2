from django.contrib import admin
from django.urls import path

from backend.common.views import healthz
from backend.evidence.views import evidence_download
from backend.exports.views import export_csv

urlpatterns = [
    path("admin/", admin.site.urls),
    path("healthz", healthz, name="healthz"),
    path("evidence/<int:evidence_id>/download", evidence_download, name="evidence-download"),
    path("exports/<slug:resource>.csv", export_csv, name="export-csv"),
]
