"""Seed the seven BerAKHLAK core values (SE MenPANRB No. 20 Tahun 2021) with their behaviour guides."""

from django.db import migrations

CORE_VALUES = [
    ("berorientasi-pelayanan", "Berorientasi Pelayanan", [
        "Memahami dan memenuhi kebutuhan masyarakat",
        "Ramah, cekatan, solutif, dan dapat diandalkan",
        "Melakukan perbaikan tiada henti",
    ]),
    ("akuntabel", "Akuntabel", [
        "Melaksanakan tugas dengan jujur, bertanggung jawab, cermat, disiplin dan berintegritas tinggi",
        "Menggunakan kekayaan dan barang milik negara secara bertanggung jawab, efektif, dan efisien",
        "Tidak menyalahgunakan kewenangan jabatan",
    ]),
    ("kompeten", "Kompeten", [
        "Meningkatkan kompetensi diri untuk menjawab tantangan yang selalu berubah",
        "Membantu orang lain belajar",
        "Melaksanakan tugas dengan kualitas terbaik",
    ]),
    ("harmonis", "Harmonis", [
        "Menghargai setiap orang apapun latar belakangnya",
        "Suka menolong orang lain",
        "Membangun lingkungan kerja yang kondusif",
    ]),
    ("loyal", "Loyal", [
        "Memegang teguh ideologi Pancasila, UUD NRI 1945, setia kepada NKRI serta pemerintahan yang sah",
        "Menjaga nama baik sesama ASN, Pimpinan, Instansi, dan Negara",
        "Menjaga rahasia jabatan dan negara",
    ]),
    ("adaptif", "Adaptif", [
        "Cepat menyesuaikan diri menghadapi perubahan",
        "Terus berinovasi dan mengembangkan kreativitas",
        "Bertindak proaktif",
    ]),
    ("kolaboratif", "Kolaboratif", [
        "Memberi kesempatan kepada berbagai pihak untuk berkontribusi",
        "Terbuka dalam bekerja sama untuk menghasilkan nilai tambah",
        "Menggerakkan pemanfaatan berbagai sumberdaya untuk tujuan bersama",
    ]),
]


def seed(apps, schema_editor):
    CoreValue = apps.get_model("home", "CoreValue")
    for order, (slug, name, guides) in enumerate(CORE_VALUES, start=1):
        CoreValue.objects.get_or_create(
            slug=slug,
            defaults={
                "name": name,
                "sort_order": order,
                "behaviour_1": guides[0],
                "behaviour_2": guides[1],
                "behaviour_3": guides[2],
            },
        )


class Migration(migrations.Migration):
    dependencies = [("home", "0002_standards_articles_values_campaigns")]

    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
