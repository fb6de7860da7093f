"""The demo site: home page, the three standards, socialization articles, a current announcement, and who may edit.

Written from the brief (../shared/seed/) and DOMAIN.md. Idempotent: pages are found by slug, never duplicated.
"""

import datetime

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.db import transaction
from django.utils import timezone

from wagtail.models import Page, Site

from portal.devdata.pages import cover_image, ensure_child, items, p, stream, ul
from portal.roles import REVIEWER_GROUP

from ..models import (
    Announcement,
    ArticleIndexPage,
    ArticleKind,
    ArticlePage,
    CoreValue,
    HomePage,
    OrganisationSettings,
    StandardIndexPage,
    StandardPage,
)
from ..services import content_access_ensure

HOME_INTRO = (
    "<p>Portal ini adalah tempat ASN Distrik Walesi mempelajari standar kinerja yang baru: "
    "<b>Disiplin Kerja</b>, <b>Kualitas Pelayanan Publik</b>, dan <b>Inovasi</b>. "
    "Pelajari materinya, ikuti kursus singkat dari telepon Anda, dan lihat kemajuan Anda sendiri.</p>"
)

STANDARDS = [
    {
        "slug": "disiplin-kerja",
        "title": "Disiplin Kerja",
        "code": "DK",
        "summary": (
            "ASN hadir tepat waktu, menyelesaikan tugas sesuai rencana dan tenggat, mematuhi aturan, "
            "dan dapat dimintai pertanggungjawaban atas pekerjaannya."
        ),
        "why": p(
            "Masyarakat Walesi sering menempuh perjalanan jauh untuk mengurus layanan di kantor distrik. "
            "Kantor yang buka tepat waktu dan pegawai yang ada di tempat berarti warga tidak pulang dengan tangan "
            "kosong.",
            "Disiplin juga dasar penilaian kinerja: hasil kerja dalam SKP hanya dapat dicapai bila tugas "
            "direncanakan, dikerjakan, dan dilaporkan secara teratur.",
        ),
        "indicators": [
            "Hadir dan memulai layanan sesuai jam kerja yang diumumkan.",
            "Menyelesaikan tugas sesuai target dan tenggat dalam SKP.",
            "Memberi kabar lebih awal dan menunjuk pengganti bila berhalangan.",
            "Mencatat pekerjaan dan melaporkan kemajuannya kepada atasan secara berkala.",
            "Menggunakan barang milik negara dan waktu kerja hanya untuk keperluan dinas.",
        ],
        "examples": [
            (
                "Loket dibuka pukul 08.00, bukan menunggu ramai",
                "Petugas administrasi kependudukan di kantor distrik membuka loket tepat pukul 08.00. Warga dari "
                "kampung yang berangkat subuh tidak perlu menunggu hingga siang, dan antrean selesai sebelum "
                "jam istirahat.",
            ),
            (
                "Izin yang diatur, bukan menghilang",
                "Seorang staf harus mengantar keluarga berobat ke Wamena. Ia memberi tahu atasan sehari sebelumnya "
                "dan menyerahkan berkas yang sedang diproses kepada rekan, sehingga layanan tetap berjalan.",
            ),
        ],
        "values": ["akuntabel", "loyal", "kompeten"],
    },
    {
        "slug": "kualitas-pelayanan-publik",
        "title": "Kualitas Pelayanan Publik",
        "code": "KPP",
        "summary": (
            "ASN melayani dengan cepat, tepat, ramah, dan informatif, sehingga warga tahu apa yang harus "
            "disiapkan, berapa lama prosesnya, dan ke mana mengadu."
        ),
        "why": p(
            "Pelayanan yang cepat tetapi tidak ramah, atau ramah tetapi tidak jelas, tetap membuat warga kecewa. "
            "Standar ini meminta keduanya: dokumen selesai cepat <i>dan</i> warga dilayani dengan hormat serta "
            "diberi informasi yang benar.",
            "Kualitas pelayanan diukur juga oleh warga sendiri melalui Survei Kepuasan Masyarakat (SKM) yang "
            "dilakukan secara berkala.",
        ),
        "indicators": [
            "Menyapa warga, menanyakan keperluannya, dan mendengarkan sampai selesai.",
            "Menjelaskan persyaratan, prosedur, waktu penyelesaian, dan biaya dengan bahasa yang mudah dipahami.",
            "Menyelesaikan dokumen dalam waktu yang dijanjikan dalam standar pelayanan.",
            "Memberi kabar bila ada keterlambatan beserta alasannya dan perkiraan waktu baru.",
            "Mencatat dan menindaklanjuti pengaduan, saran, dan masukan warga.",
        ],
        "examples": [
            (
                "Cepat dan informatif di loket administrasi",
                "Seorang pegawai pelayanan administrasi tidak hanya menyelesaikan surat keterangan dalam satu hari, "
                "tetapi juga menjelaskan kepada warga dokumen apa yang perlu dibawa bila ingin mengurus akta "
                "kelahiran anaknya, sehingga warga tidak perlu bolak-balik.",
            ),
            (
                "Papan informasi yang dibaca warga",
                "Kantor distrik memasang daftar persyaratan dan lama proses setiap layanan di dekat pintu masuk, "
                "dalam huruf besar. Pertanyaan yang sama di loket berkurang dan antrean bergerak lebih cepat.",
            ),
        ],
        "values": ["berorientasi-pelayanan", "harmonis", "kompeten"],
    },
    {
        "slug": "inovasi",
        "title": "Inovasi",
        "code": "INO",
        "summary": (
            "ASN mencari cara kerja yang lebih baik, mencobanya dalam skala kecil, dan membagikan hasilnya "
            "kepada rekan kerja."
        ),
        "why": p(
            "Tantangan di distrik pegunungan — jarak, sinyal, dan sarana yang terbatas — menuntut cara kerja yang "
            "sesuai keadaan setempat. Inovasi tidak harus mahal atau berbasis teknologi; yang penting masalah "
            "warga terselesaikan.",
            "Inovasi yang kecil tetapi terus-menerus membuat pelayanan makin baik dari tahun ke tahun.",
        ),
        "indicators": [
            "Mengenali masalah berulang dalam pekerjaan dan mengusulkan perbaikan.",
            "Menguji perbaikan dalam skala kecil sebelum diterapkan lebih luas.",
            "Mengukur hasil perbaikan: waktu, biaya, atau kepuasan warga.",
            "Membagikan cara kerja baru kepada rekan dan unit lain.",
        ],
        "examples": [
            (
                "Jadwal layanan keliling ke kampung",
                "Karena banyak warga Lantipo dan Tulima sulit datang ke kantor distrik, petugas menyusun jadwal "
                "layanan keliling sebulan sekali dan mengumumkannya lewat gereja dan kepala kampung.",
            ),
            (
                "Formulir yang diisi di rumah",
                "Petugas membagikan contoh formulir yang sudah diisi kepada kepala kampung. Warga datang dengan "
                "formulir lengkap, sehingga waktu pelayanan di loket menjadi jauh lebih singkat.",
            ),
        ],
        "values": ["adaptif", "kolaboratif", "berorientasi-pelayanan"],
    },
]


def _article_specs(standards: dict[str, StandardPage], today: datetime.date) -> list[dict]:
    return [
        {
            "slug": "standar-kinerja-asn-walesi-mulai-diterapkan",
            "title": "Standar kinerja ASN Walesi mulai diterapkan",
            "kind": ArticleKind.BERITA,
            "publish_date": today - datetime.timedelta(days=14),
            "summary": (
                "Tiga standar kinerja — Disiplin Kerja, Kualitas Pelayanan Publik, dan Inovasi — kini menjadi "
                "acuan kerja dan penilaian seluruh ASN di Distrik Walesi."
            ),
            "body": [
                (
                    "paragraph",
                    p(
                        "Pemerintah Distrik Walesi menetapkan tiga standar kinerja sebagai acuan yang jelas bagi setiap "
                        "ASN: <b>Disiplin Kerja</b>, <b>Kualitas Pelayanan Publik</b>, dan <b>Inovasi</b>. Standar "
                        "ini tidak hanya menilai hasil akhir, tetapi juga proses yang dilalui untuk mencapainya.",
                        "Penilaian dilakukan oleh atasan langsung dan dilengkapi umpan balik dari masyarakat yang "
                        "dilayani melalui survei kepuasan masyarakat yang dilakukan secara berkala.",
                    ),
                ),
                ("heading", "Apa yang berubah bagi pegawai?"),
                (
                    "paragraph",
                    ul(
                        "Setiap pegawai menyusun SKP bersama atasannya dalam dialog kinerja.",
                        "Atasan memberi umpan balik secara berkala, bukan hanya di akhir tahun.",
                        "Kursus singkat di portal ini membantu memahami standar dan dapat diikuti dari telepon.",
                    ),
                ),
                (
                    "takeaways",
                    {
                        "title": "Poin penting",
                        "points": items(
                            "art1-take",
                            [
                                "Tiga standar berlaku untuk semua ASN di Distrik Walesi.",
                                "Penilaian melihat hasil kerja dan perilaku kerja.",
                                "Warga ikut menilai melalui survei kepuasan masyarakat.",
                            ],
                        ),
                    },
                ),
            ],
            "standards": ["disiplin-kerja", "kualitas-pelayanan-publik", "inovasi"],
        },
        {
            "slug": "panduan-menyusun-skp-bersama-atasan",
            "title": "Panduan menyusun SKP bersama atasan",
            "kind": ArticleKind.PANDUAN,
            "publish_date": today - datetime.timedelta(days=10),
            "summary": (
                "Langkah demi langkah menyiapkan dialog kinerja dan menuliskan rencana hasil kerja yang dapat diukur."
            ),
            "body": [
                (
                    "paragraph",
                    p(
                        "Sasaran Kinerja Pegawai (SKP) disusun pada tahap perencanaan kinerja melalui dialog kinerja "
                        "antara pegawai dan atasan langsung. Tujuannya agar harapan atasan jelas sejak awal."
                    ),
                ),
                ("heading", "Sebelum dialog kinerja"),
                (
                    "paragraph",
                    ul(
                        "Baca kembali tugas jabatan Anda dan sasaran unit kerja tahun ini.",
                        "Catat hasil kerja utama yang menjadi tanggung jawab Anda.",
                        "Siapkan usulan target yang dapat diukur: jumlah, waktu, atau mutu.",
                    ),
                ),
                ("heading", "Saat dialog kinerja"),
                (
                    "paragraph",
                    ul(
                        "Sepakati rencana hasil kerja utama dan tambahan beserta indikator dan targetnya.",
                        "Bahas perilaku kerja BerAKHLAK yang diharapkan dalam pekerjaan sehari-hari.",
                        "Sepakati kapan umpan balik berkala akan dilakukan, misalnya setiap triwulan.",
                    ),
                ),
                (
                    "example",
                    {
                        "title": "Target yang dapat diukur",
                        "text": p(
                            "Bukan \u201cmeningkatkan pelayanan KTP\u201d, melainkan \u201c90% permohonan surat pengantar "
                            "KTP selesai dalam satu hari kerja\u201d."
                        ),
                    },
                ),
                (
                    "reflection",
                    {
                        "prompt": "Hasil kerja apa dari Anda yang paling dirasakan warga? Bagaimana Anda "
                        "dapat mengukurnya?"
                    },
                ),
            ],
            "standards": ["disiplin-kerja"],
        },
        {
            "slug": "tanya-jawab-survei-kepuasan-masyarakat",
            "title": "Tanya-jawab: survei kepuasan masyarakat",
            "kind": ArticleKind.TANYA_JAWAB,
            "publish_date": today - datetime.timedelta(days=6),
            "summary": "Mengapa warga diminta menilai pelayanan, apa yang dinilai, dan bagaimana hasilnya dipakai.",
            "body": [
                (
                    "qa",
                    {
                        "question": "Apa itu Survei Kepuasan Masyarakat (SKM)?",
                        "answer": p(
                            "SKM adalah survei yang wajib dilakukan setiap penyelenggara pelayanan publik paling sedikit "
                            "sekali setahun (PermenPANRB Nomor 14 Tahun 2017). Warga yang baru dilayani menilai pelayanan "
                            "yang mereka terima."
                        ),
                    },
                ),
                (
                    "qa",
                    {
                        "question": "Apa saja yang dinilai?",
                        "answer": p(
                            "Sembilan unsur: persyaratan; sistem, mekanisme, dan prosedur; waktu penyelesaian; biaya/tarif; "
                            "produk spesifikasi jenis pelayanan; kompetensi pelaksana; perilaku pelaksana; penanganan "
                            "pengaduan, saran dan masukan; serta sarana dan prasarana. Setiap unsur dinilai dengan skala 1 "
                            "sampai 4."
                        ),
                    },
                ),
                (
                    "qa",
                    {
                        "question": "Bagaimana hasilnya dihitung?",
                        "answer": p(
                            "Nilai rata-rata tiap unsur dirata-ratakan lalu dikalikan 25, sehingga Indeks Kepuasan "
                            "Masyarakat (IKM) berada antara 25 dan 100. IKM 88,31 ke atas bermutu A (sangat baik), "
                            "76,61 ke atas B (baik), 65,00 ke atas C (kurang baik), dan di bawahnya D (tidak baik)."
                        ),
                    },
                ),
                (
                    "qa",
                    {
                        "question": "Apakah survei ini untuk mencari kesalahan pegawai?",
                        "answer": p(
                            "Tidak. Hasil survei menunjukkan unsur pelayanan mana yang perlu diperbaiki. Unit pelayanan "
                            "menggunakannya untuk menyusun rencana perbaikan, dan pegawai mendapat gambaran nyata "
                            "tentang pengalaman warga."
                        ),
                    },
                ),
            ],
            "standards": ["kualitas-pelayanan-publik"],
        },
        {
            "slug": "panduan-memulai-inovasi-kecil-di-unit-kerja",
            "title": "Panduan memulai inovasi kecil di unit kerja",
            "kind": ArticleKind.PANDUAN,
            "publish_date": today - datetime.timedelta(days=3),
            "summary": "Empat langkah sederhana: kenali masalah, coba kecil-kecilan, ukur, lalu bagikan.",
            "body": [
                (
                    "paragraph",
                    p(
                        "Inovasi di kantor distrik tidak harus berupa aplikasi. Perubahan kecil yang membuat warga "
                        "tidak perlu datang dua kali sudah merupakan inovasi."
                    ),
                ),
                ("heading", "Empat langkah"),
                (
                    "paragraph",
                    "<ol><li><b>Kenali masalah</b> yang berulang, misalnya berkas yang sering kurang."
                    "</li><li><b>Coba kecil-kecilan</b> selama dua sampai empat minggu.</li>"
                    "<li><b>Ukur</b> hasilnya: berapa warga yang harus kembali sebelum dan sesudahnya?"
                    "</li><li><b>Bagikan</b> dalam rapat rutin agar unit lain dapat meniru.</li></ol>",
                ),
                (
                    "example",
                    {
                        "title": "Daftar periksa berkas",
                        "text": p(
                            "Petugas menempel daftar periksa berkas di loket dan membacakannya bersama warga sebelum "
                            "berkas diterima. Dalam sebulan, jumlah warga yang harus kembali karena berkas kurang turun "
                            "dari belasan menjadi hanya beberapa orang."
                        ),
                    },
                ),
            ],
            "standards": ["inovasi", "kualitas-pelayanan-publik"],
        },
        {
            "slug": "rapat-rutin-kepala-distrik-bersama-pegawai",
            "title": "Rapat rutin: pimpinan mendengar masalah dan pencapaian tim",
            "kind": ArticleKind.BERITA,
            "publish_date": today - datetime.timedelta(days=1),
            "summary": (
                "Pertemuan rutin membahas kendala pelayanan dan mengapresiasi capaian pegawai, agar setiap ASN "
                "merasa dihargai dan termotivasi."
            ),
            "body": [
                (
                    "paragraph",
                    p(
                        "Pemimpin yang baik tidak hanya mengawasi, tetapi juga memotivasi dan mendukung. Salah satu "
                        "caranya adalah pertemuan rutin untuk membahas permasalahan dan pencapaian tim.",
                        "Dalam pertemuan pekan ini dibahas antrean layanan pada hari pasar, serta apresiasi untuk "
                        "petugas yang menyelesaikan seluruh permohonan surat keterangan tepat waktu selama sebulan.",
                    ),
                ),
                (
                    "takeaways",
                    {
                        "title": "Poin penting",
                        "points": items(
                            "art5-take",
                            [
                                "Pertemuan rutin membangun rasa kebersamaan.",
                                "Masalah dibahas terbuka dan dicari jalan keluarnya bersama.",
                                "Capaian pegawai diakui di depan tim.",
                            ],
                        ),
                    },
                ),
            ],
            "standards": ["disiplin-kerja", "kualitas-pelayanan-publik"],
        },
    ]


def _ensure_wagtail_roots() -> Page:
    """The rows Wagtail's own migrations create (locale, page root, collection root), recreated if a test flushed
    them, so the demo can be built on any database."""
    from django.conf import settings

    from wagtail.coreutils import get_supported_content_language_variant
    from wagtail.models import Collection, Locale

    if not Locale.objects.exists():
        Locale.objects.create(language_code=get_supported_content_language_variant(settings.LANGUAGE_CODE))
    if Collection.get_first_root_node() is None:
        Collection.add_root(name="Root")
    root = Page.get_first_root_node()
    if root is None:
        root = Page.add_root(instance=Page(title="Root", slug="root"))
    return root


def ensure_site() -> HomePage:
    """The published HomePage at the default site's root, with the organisation settings; nothing else."""
    home = HomePage.objects.first()
    if home is None:
        root = _ensure_wagtail_roots()
        # Wagtail's initial migration creates a placeholder "Welcome" page at the site root; replace it.
        for child in root.get_children():
            if child.specific_class is Page:
                Site.objects.filter(root_page=child).delete()
                child.delete()
        home = HomePage(title="Portal Pembelajaran dan Kinerja ASN Walesi", slug="beranda", intro=HOME_INTRO)
        root.add_child(instance=home)
        home.save_revision().publish()
    site = Site.objects.filter(is_default_site=True).first()
    if site is None:
        site = Site.objects.create(
            hostname="localhost", port=80, root_page=home, is_default_site=True, site_name="Portal ASN Walesi"
        )
    elif site.root_page_id != home.pk:
        site.root_page = home
        site.save()
    settings_obj = OrganisationSettings.for_site(site)
    if not settings_obj.organisation_name:
        settings_obj.organisation_name = "Pemerintah Distrik Walesi"
    settings_obj.save()
    return home


def seed_standards(home: HomePage) -> dict[str, StandardPage]:
    index, _ = ensure_child(
        home,
        StandardIndexPage,
        "standar-kinerja",
        title="Standar Kinerja ASN Walesi",
        intro=p(
            "Standar kinerja memberi acuan yang jelas bagi setiap ASN di Walesi dalam melaksanakan tugasnya. "
            "Penilaian kinerja melihat hasil kerja <b>dan</b> proses yang dilalui untuk mencapainya."
        ),
    )
    values = {v.slug: v for v in CoreValue.objects.all()}
    standards = {}
    for spec in STANDARDS:
        page, _ = ensure_child(
            index,
            StandardPage,
            spec["slug"],
            title=spec["title"],
            code=spec["code"],
            summary=spec["summary"],
            why_it_matters=spec["why"],
            indicators=stream(spec["slug"] + "-ind", [("indicator", text) for text in spec["indicators"]]),
            examples=stream(
                spec["slug"] + "-ex",
                [("example", {"title": title, "text": p(text)}) for title, text in spec["examples"]],
            ),
            core_values=[values[s] for s in spec["values"] if s in values],
        )
        standards[spec["slug"]] = page
    return standards


def seed_articles(home: HomePage, standards: dict[str, StandardPage]) -> list[ArticlePage]:
    index, _ = ensure_child(
        home,
        ArticleIndexPage,
        "materi-sosialisasi",
        title="Materi Sosialisasi",
        intro=p("Berita, panduan, dan tanya-jawab tentang standar kinerja dan pengelolaan kinerja ASN di Walesi."),
    )
    today = timezone.localdate()
    articles = []
    for i, spec in enumerate(_article_specs(standards, today)):
        cover = None
        if i < 2:
            cover = cover_image(f"Sampul: {spec['title']}", spec["title"], colour=(8, 71, 45) if i else (11, 93, 59))
        page, _ = ensure_child(
            index,
            ArticlePage,
            spec["slug"],
            title=spec["title"],
            kind=spec["kind"],
            publish_date=spec["publish_date"],
            summary=spec["summary"],
            cover_image=cover,
            body=stream(spec["slug"], spec["body"]),
            related_standards=[standards[s] for s in spec["standards"]],
        )
        articles.append(page)
    return articles


def seed_announcement(link_page=None) -> Announcement:
    """One announcement running today (WIT); its dates are moved forward when an old demo database is re-seeded."""
    today = timezone.localdate()
    announcement, _ = Announcement.objects.get_or_create(
        title="Bulan Standar Kinerja ASN Walesi",
        defaults={
            "message": (
                "Selama kampanye ini setiap ASN diminta menyelesaikan kursus wajib \u201cStandar Kinerja ASN "
                "Walesi\u201d dan mendiskusikan hasilnya dengan atasan dalam dialog kinerja."
            ),
            "start_date": today - datetime.timedelta(days=7),
            "end_date": today + datetime.timedelta(days=60),
            "link_page": link_page,
            "link_label": "Lihat standar kinerja",
        },
    )
    if not announcement.is_current(today):
        announcement.start_date = today - datetime.timedelta(days=7)
        announcement.end_date = today + datetime.timedelta(days=60)
        announcement.full_clean()
        announcement.save()
    return announcement


def counts() -> dict[str, int]:
    """What the demo holds, for seed_demo's summary line."""
    return {
        "standards": StandardPage.objects.count(),
        "articles": ArticlePage.objects.count(),
        "announcements": Announcement.objects.count(),
    }


@transaction.atomic
def seed(stdout=None) -> HomePage:
    """Ensure the site, its standards, articles, announcement and the editorial rights; idempotent."""
    home = ensure_site()
    standards = seed_standards(home)
    seed_articles(home, standards)
    seed_announcement(StandardIndexPage.objects.child_of(home).first())
    content_access_ensure(root=home)
    # The HR admin (a superuser) is also a reviewer, so approval requests reach a person.
    reviewers = Group.objects.get(name=REVIEWER_GROUP)
    for user in get_user_model().objects.filter(email="admin@walesi.test"):
        user.groups.add(reviewers)
    return home
