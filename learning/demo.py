"""Demo courses, written from the brief (../shared/seed/) and DOMAIN.md: the mandatory onboarding course and two
shorter ones, each module with a knowledge check. Idempotent: pages are found by slug, never duplicated.
"""

from decimal import Decimal

from django.db import transaction

from home.models import HomePage, StandardPage
from portal.devdata.pages import cover_image, ensure_child, items, p, stream, ul

from .models import CompletionRule, CourseIndexPage, CourseLevel, CoursePage, FinalAssessmentPage, ModulePage


# --- Question builders (ids are stable so re-seeding never changes a question's identity) -----------------
def _question(key: str, kind: str, prompt: str, choices: list[tuple[str, bool, str]], explanation: str = ""):
    return (
        "question",
        {
            "kind": kind,
            "prompt": prompt,
            "choices": items(
                key,
                [{"text": text, "is_correct": correct, "feedback": feedback} for text, correct, feedback in choices],
            ),
            "explanation": explanation,
        },
    )


def single(key, prompt, choices, explanation=""):
    return _question(key, "single", prompt, choices, explanation)


def multiple(key, prompt, choices, explanation=""):
    return _question(key, "multiple", prompt, choices, explanation)


def truefalse(key, prompt, is_true: bool, if_true: str, if_false: str, explanation=""):
    return _question(
        key, "truefalse", prompt, [("Benar", is_true, if_true), ("Salah", not is_true, if_false)], explanation
    )


def questions(key: str, qs: list) -> str:
    return stream(key, qs)


# --- Course 1: Standar Kinerja ASN Walesi -------------------------------------------------------------------
M1_BODY = [
    (
        "paragraph",
        p(
            "Pengelolaan kinerja ASN di Walesi bertujuan agar pemerintahan berjalan efisien dan efektif. Dengan standar "
            "kinerja yang jelas, setiap ASN tahu apa yang diharapkan darinya.",
            "Yang penting diingat sejak awal: pengelolaan kinerja <b>tidak hanya melihat hasil akhir</b>, tetapi juga "
            "<b>proses</b> yang dilalui untuk mencapainya.",
        ),
    ),
    ("heading", "Empat tahap siklus kinerja"),
    (
        "paragraph",
        "<ol>"
        "<li><b>Perencanaan kinerja</b> – harapan disepakati dalam <i>dialog kinerja</i> antara pegawai dan atasan, "
        "lalu dituangkan dalam Sasaran Kinerja Pegawai (SKP).</li>"
        "<li><b>Pelaksanaan, pemantauan, dan pembinaan</b> – kinerja didokumentasikan, atasan memberi umpan balik "
        "berkelanjutan, dan pegawai dikembangkan.</li>"
        "<li><b>Penilaian kinerja</b> – dilakukan secara periodik (misalnya per triwulan) dan tahunan.</li>"
        "<li><b>Tindak lanjut</b> – penghargaan, pengembangan kompetensi, atau sanksi sesuai hasil penilaian.</li>"
        "</ol>",
    ),
    ("heading", "Isi SKP"),
    (
        "paragraph",
        p(
            "SKP memuat dua bagian. <b>Hasil kerja</b> berisi rencana hasil kerja, indikator, target, dan realisasi "
            "(utama dan tambahan). <b>Perilaku kerja</b> berisi tujuh nilai dasar ASN BerAKHLAK: Berorientasi "
            "Pelayanan, Akuntabel, Kompeten, Harmonis, Loyal, Adaptif, dan Kolaboratif.",
            "Penilai kinerja adalah <b>atasan langsung</b>. Atasan dari penilai disebut atasan pejabat penilai.",
        ),
    ),
    (
        "example",
        {
            "title": "Hasil dan proses",
            "text": p(
                "Dua pegawai sama-sama menyelesaikan 50 surat keterangan dalam sebulan. Yang satu melayani dengan ramah "
                "dan menjelaskan persyaratan dengan jelas; yang lain sering membuat warga menunggu tanpa kabar. Hasil "
                "kerjanya sama, tetapi perilaku kerjanya berbeda – dan penilaian kinerja melihat keduanya."
            ),
        },
    ),
    (
        "takeaways",
        {
            "title": "Poin penting",
            "points": items(
                "m1-take",
                [
                    "Kinerja dinilai dari hasil kerja dan perilaku kerja.",
                    "Siklusnya: perencanaan, pelaksanaan dan pemantauan, penilaian, tindak lanjut.",
                    "SKP disepakati bersama atasan dalam dialog kinerja.",
                ],
            ),
        },
    ),
    (
        "reflection",
        {
            "prompt": "Kapan terakhir kali Anda dan atasan membicarakan harapan kerja Anda? Apa yang ingin "
            "Anda sampaikan dalam dialog kinerja berikutnya?"
        },
    ),
]

M1_QUIZ = [
    single(
        "m1q1",
        "Menurut standar kinerja ASN di Walesi, apa yang dilihat dalam pengelolaan kinerja?",
        [
            ("Hanya hasil akhir pekerjaan", False, "Hasil memang penting, tetapi prosesnya juga dinilai."),
            (
                "Hasil akhir dan proses yang dilalui untuk mencapainya",
                True,
                "Tepat. Hasil dan proses sama-sama dinilai.",
            ),
            ("Hanya kehadiran pegawai", False, "Kehadiran hanyalah sebagian dari disiplin kerja."),
            ("Hanya pendapat atasan", False, "Penilaian juga memakai umpan balik warga."),
        ],
        "Pengelolaan kinerja tidak hanya berfokus pada hasil akhir, tetapi juga pada proses.",
    ),
    single(
        "m1q2",
        "Pada tahap apa SKP disusun dan disepakati?",
        [
            ("Perencanaan kinerja", True, "Tepat. SKP disusun dalam dialog kinerja pada tahap perencanaan."),
            ("Penilaian kinerja", False, "Pada tahap penilaian, SKP yang sudah disepakati dipakai sebagai acuan."),
            ("Tindak lanjut", False, "Tindak lanjut datang setelah penilaian."),
        ],
    ),
    multiple(
        "m1q3",
        "Apa saja dua bagian yang dimuat dalam SKP? (pilih semua yang sesuai)",
        [
            ("Hasil kerja", True, "Ya, termasuk rencana hasil kerja, indikator, target, dan realisasi."),
            ("Perilaku kerja", True, "Ya, berupa tujuh nilai dasar BerAKHLAK."),
            ("Riwayat gaji", False, "Riwayat gaji bukan bagian dari SKP."),
            ("Daftar hadir harian", False, "Daftar hadir adalah catatan administrasi, bukan bagian SKP."),
        ],
    ),
    truefalse(
        "m1q4",
        "Penilai kinerja seorang pegawai adalah atasan langsungnya.",
        True,
        "Tepat. Atasan langsung adalah pejabat penilai kinerja.",
        "Kurang tepat. Penilai kinerja adalah atasan langsung pegawai.",
    ),
    truefalse(
        "m1q5",
        "Umpan balik dari atasan cukup diberikan sekali setahun pada saat penilaian tahunan.",
        False,
        "Kurang tepat. Umpan balik diberikan secara berkelanjutan sepanjang tahun.",
        "Tepat. Tahap pelaksanaan dan pemantauan meminta umpan balik yang berkelanjutan.",
    ),
    multiple(
        "m1q6",
        "Manakah yang termasuk nilai dasar BerAKHLAK? (pilih semua yang sesuai)",
        [
            ("Akuntabel", True, "Ya, A dalam BerAKHLAK."),
            ("Adaptif", True, "Ya, A yang kedua dalam BerAKHLAK."),
            ("Kolaboratif", True, "Ya, K yang terakhir dalam BerAKHLAK."),
            ("Kompetitif", False, "Bukan. Yang dimaksud adalah Kompeten."),
        ],
    ),
]

M2_BODY = [
    (
        "paragraph",
        p(
            "Standar kinerja ASN di Walesi dirumuskan agar setiap pegawai punya acuan yang jelas. Ada tiga standar: "
            "Disiplin Kerja, Kualitas Pelayanan Publik, dan Inovasi."
        ),
    ),
    ("heading", "1. Disiplin Kerja"),
    (
        "paragraph",
        p(
            "Hadir tepat waktu, menyelesaikan tugas sesuai rencana dan tenggat, memberi kabar bila berhalangan, dan "
            "dapat dimintai pertanggungjawaban atas pekerjaan."
        ),
    ),
    (
        "example",
        {
            "title": "Loket dibuka tepat waktu",
            "text": p(
                "Warga dari kampung yang berangkat subuh mendapati loket sudah buka pukul 08.00 dan dapat pulang sebelum "
                "siang."
            ),
        },
    ),
    ("heading", "2. Kualitas Pelayanan Publik"),
    (
        "paragraph",
        p(
            "Pelayanan yang baik itu cepat <i>dan</i> ramah serta informatif. Seorang pegawai pelayanan administrasi "
            "publik diharapkan tidak hanya cepat menyelesaikan dokumen, tetapi juga melayani dengan ramah dan memberi "
            "informasi yang jelas kepada masyarakat."
        ),
    ),
    (
        "example",
        {
            "title": "Satu kunjungan cukup",
            "text": p(
                "Saat menyerahkan surat keterangan, petugas sekaligus menjelaskan dokumen yang perlu dibawa untuk mengurus "
                "akta kelahiran, sehingga warga tidak perlu datang berkali-kali."
            ),
        },
    ),
    ("heading", "3. Inovasi"),
    (
        "paragraph",
        p(
            "Mencari cara kerja yang lebih baik, mencobanya dalam skala kecil, mengukur hasilnya, dan membagikannya. "
            "Inovasi tidak harus berupa teknologi."
        ),
    ),
    (
        "example",
        {
            "title": "Layanan keliling",
            "text": p(
                "Petugas menyusun jadwal layanan keliling sebulan sekali ke kampung yang jauh dan mengumumkannya melalui "
                "gereja dan kepala kampung."
            ),
        },
    ),
    (
        "takeaways",
        {
            "title": "Poin penting",
            "points": items(
                "m2-take",
                [
                    "Tiga standar: Disiplin Kerja, Kualitas Pelayanan Publik, Inovasi.",
                    "Pelayanan yang baik: cepat sekaligus ramah dan informatif.",
                    "Inovasi bisa sederhana, asal menyelesaikan masalah warga.",
                ],
            ),
        },
    ),
    (
        "reflection",
        {
            "prompt": "Dari tiga standar ini, mana yang paling kuat dalam pekerjaan Anda, dan mana yang "
            "paling perlu Anda perbaiki?"
        },
    ),
]

M2_QUIZ = [
    multiple(
        "m2q1",
        "Apa saja tiga standar kinerja ASN di Walesi? (pilih semua yang sesuai)",
        [
            ("Disiplin Kerja", True, "Ya, standar pertama."),
            ("Kualitas Pelayanan Publik", True, "Ya, standar kedua."),
            ("Inovasi", True, "Ya, standar ketiga."),
            ("Senioritas", False, "Senioritas bukan salah satu standar kinerja."),
        ],
    ),
    single(
        "m2q2",
        "Seorang petugas administrasi menyelesaikan dokumen dengan cepat tetapi tidak menjelaskan apa pun "
        "kepada warga. Menurut standar Kualitas Pelayanan Publik, pelayanannya…",
        [
            (
                "Sudah memenuhi standar karena dokumennya cepat selesai",
                False,
                "Kecepatan saja belum cukup; standar juga meminta pelayanan yang ramah dan informatif.",
            ),
            (
                "Belum memenuhi standar karena pelayanan juga harus ramah dan informatif",
                True,
                "Tepat. Standar meminta cepat sekaligus ramah dan informatif.",
            ),
            ("Tidak dinilai karena hanya atasan yang menilai", False, "Warga juga memberi umpan balik melalui survei."),
        ],
    ),
    truefalse(
        "m2q3",
        "Inovasi selalu berarti membuat aplikasi atau memakai teknologi baru.",
        False,
        "Kurang tepat. Perubahan sederhana seperti jadwal layanan keliling juga inovasi.",
        "Tepat. Inovasi bisa sederhana, asalkan menyelesaikan masalah.",
    ),
    single(
        "m2q4",
        "Seorang staf harus mengantar keluarga berobat besok. Tindakan yang sesuai standar Disiplin Kerja adalah…",
        [
            (
                "Tidak masuk tanpa kabar, lalu menjelaskan setelah kembali",
                False,
                "Tanpa kabar, layanan bisa terhenti dan warga dirugikan.",
            ),
            (
                "Memberi tahu atasan lebih awal dan menyerahkan berkas yang sedang diproses kepada rekan",
                True,
                "Tepat. Layanan tetap berjalan walaupun Anda berhalangan.",
            ),
            (
                "Membawa berkas warga pulang agar bisa dikerjakan nanti",
                False,
                "Berkas warga sebaiknya tetap di kantor dan diteruskan kepada rekan.",
            ),
        ],
    ),
    single(
        "m2q5",
        "Contoh inovasi yang paling sesuai untuk kampung yang jauh dari kantor distrik adalah…",
        [
            ("Menutup layanan di hari pasar", False, "Ini justru mengurangi layanan."),
            (
                "Jadwal layanan keliling yang diumumkan lewat gereja dan kepala kampung",
                True,
                "Tepat. Sederhana, sesuai keadaan setempat, dan memudahkan warga.",
            ),
            ("Meminta warga datang lebih sering ke kantor", False, "Ini menambah beban warga."),
        ],
    ),
]

M3_BODY = [
    (
        "paragraph",
        p(
            "Penerapan pengelolaan kinerja di Walesi dilakukan melalui evaluasi yang terstruktur: setiap ASN dinilai "
            "berdasarkan kriteria yang sudah ditetapkan, oleh atasan <b>dan</b> dengan umpan balik dari masyarakat yang "
            "dilayani."
        ),
    ),
    ("heading", "Dua penilaian, satu predikat"),
    (
        "paragraph",
        p(
            "Atasan menilai <b>hasil kerja</b> dan <b>perilaku kerja</b>, masing-masing dengan salah satu dari tiga "
            "pilihan: <i>di atas ekspektasi</i>, <i>sesuai ekspektasi</i>, atau <i>di bawah ekspektasi</i>. Gabungan "
            "keduanya menghasilkan predikat kinerja:"
        ),
    ),
    (
        "paragraph",
        ul(
            "Hasil di atas + perilaku di atas ekspektasi: <b>Sangat Baik</b>.",
            "Hasil sesuai atau di atas + perilaku sesuai ekspektasi: <b>Baik</b>; hasil sesuai + perilaku di atas: "
            "juga <b>Baik</b>.",
            "Hasil di bawah + perilaku sesuai atau di atas ekspektasi: <b>Butuh Perbaikan</b>.",
            "Hasil sesuai atau di atas + perilaku di bawah ekspektasi: <b>Kurang/Misconduct</b>.",
            "Hasil di bawah + perilaku di bawah ekspektasi: <b>Sangat Kurang</b>.",
        ),
    ),
    (
        "example",
        {
            "title": "Hasil tinggi, perilaku buruk",
            "text": p(
                "Seorang pegawai selalu melampaui target jumlah dokumen, tetapi sering membentak warga. Hasil kerjanya di "
                "atas ekspektasi, perilakunya di bawah ekspektasi: predikatnya <b>Kurang/Misconduct</b>, bukan Baik."
            ),
        },
    ),
    ("heading", "Survei Kepuasan Masyarakat (SKM)"),
    (
        "paragraph",
        p(
            "Warga ikut menilai melalui SKM yang dilakukan secara berkala – paling sedikit sekali setahun. Ada sembilan "
            "unsur yang dinilai, antara lain persyaratan, waktu penyelesaian, biaya, perilaku pelaksana, dan penanganan "
            "pengaduan. Setiap unsur dinilai dengan skala 1 (tidak baik) sampai 4 (sangat baik).",
            "Rata-rata nilai kesembilan unsur dikalikan 25 menjadi Indeks Kepuasan Masyarakat (IKM) antara 25 dan 100. "
            "IKM 88,31 ke atas bermutu A (Sangat Baik), 76,61 ke atas B (Baik), 65,00 ke atas C (Kurang Baik), dan di "
            "bawah 65,00 D (Tidak Baik).",
        ),
    ),
    (
        "takeaways",
        {
            "title": "Poin penting",
            "points": items(
                "m3-take",
                [
                    "Hasil kerja dan perilaku kerja dinilai terpisah, lalu digabung menjadi predikat.",
                    "Hasil tinggi tidak menutupi perilaku yang buruk.",
                    "Warga menilai pelayanan melalui SKM; IKM berkisar 25–100.",
                ],
            ),
        },
    ),
]

M3_QUIZ = [
    single(
        "m3q1",
        "Hasil kerja seorang pegawai di atas ekspektasi, tetapi perilaku kerjanya di bawah ekspektasi. "
        "Apa predikat kinerjanya?",
        [
            ("Sangat Baik", False, "Perilaku di bawah ekspektasi tidak dapat menghasilkan Sangat Baik."),
            ("Baik", False, "Predikat Baik memerlukan perilaku paling sedikit sesuai ekspektasi."),
            ("Butuh Perbaikan", False, "Butuh Perbaikan untuk hasil di bawah ekspektasi dengan perilaku yang memadai."),
            ("Kurang/Misconduct", True, "Tepat. Hasil tinggi tidak menutupi perilaku yang buruk."),
        ],
    ),
    single(
        "m3q2",
        "Hasil kerja sesuai ekspektasi dan perilaku kerja di atas ekspektasi menghasilkan predikat…",
        [
            ("Sangat Baik", False, "Sangat Baik memerlukan hasil kerja di atas ekspektasi juga."),
            ("Baik", True, "Tepat."),
            ("Butuh Perbaikan", False, "Hasil kerjanya sudah sesuai ekspektasi."),
        ],
    ),
    truefalse(
        "m3q3",
        "Survei Kepuasan Masyarakat wajib dilakukan paling sedikit sekali setahun.",
        True,
        "Tepat. Banyak unit melakukannya per triwulan atau per semester.",
        "Kurang tepat. Setiap penyelenggara layanan wajib melakukannya paling sedikit sekali setahun.",
    ),
    multiple(
        "m3q4",
        "Manakah yang termasuk unsur yang dinilai dalam SKM? (pilih semua yang sesuai)",
        [
            ("Waktu penyelesaian", True, "Ya, unsur ketiga."),
            ("Perilaku pelaksana", True, "Ya, unsur ketujuh."),
            ("Penanganan pengaduan, saran dan masukan", True, "Ya, unsur kedelapan."),
            ("Jumlah pegawai di kantor", False, "Ini bukan salah satu dari sembilan unsur."),
        ],
    ),
    single(
        "m3q5",
        "Sebuah unit pelayanan mendapat IKM 80. Apa mutu pelayanannya?",
        [
            ("A – Sangat Baik", False, "Mutu A mulai dari 88,31."),
            ("B – Baik", True, "Tepat. Nilai 76,61 sampai di bawah 88,31 bermutu B."),
            ("C – Kurang Baik", False, "Mutu C untuk 65,00 sampai di bawah 76,61."),
            ("D – Tidak Baik", False, "Mutu D untuk IKM di bawah 65,00."),
        ],
    ),
    truefalse(
        "m3q6",
        "Penilaian kinerja ASN di Walesi hanya dilakukan oleh atasan.",
        False,
        "Kurang tepat. Umpan balik masyarakat yang dilayani juga dipakai.",
        "Tepat. Selain atasan, warga memberi umpan balik melalui survei.",
    ),
]

M4_BODY = [
    (
        "paragraph",
        p(
            "Walaupun standarnya sudah jelas, penerapannya menghadapi tantangan. Salah satu yang utama adalah "
            "<b>resistensi terhadap perubahan</b>: sebagian pegawai nyaman dengan cara kerja lama dan enggan "
            "beradaptasi.",
            "Jawabannya bukan paksaan, melainkan pendekatan yang <b>humanis</b>: sosialisasi dan pelatihan yang membuat "
            "ASN melihat sendiri manfaat standar kinerja.",
        ),
    ),
    ("heading", "Peran pemimpin"),
    (
        "paragraph",
        ul(
            "<b>Mengawasi</b> pelaksanaan tugas dan memantau kemajuan terhadap SKP.",
            "<b>Memotivasi</b>: mengakui capaian dan memberi apresiasi di depan tim.",
            "<b>Mendukung</b>: membantu mengatasi kendala dan membuka kesempatan belajar.",
            "Menciptakan lingkungan kerja yang kondusif, tempat setiap ASN merasa dihargai.",
        ),
    ),
    (
        "example",
        {
            "title": "Pertemuan rutin kepala dinas",
            "text": p(
                "Seorang kepala dinas mengadakan pertemuan rutin untuk membahas permasalahan dan pencapaian tim. Masalah "
                "dibicarakan terbuka, capaian diakui, dan tumbuh rasa kebersamaan yang kuat."
            ),
        },
    ),
    ("heading", "Kunci keberhasilan"),
    (
        "paragraph",
        p(
            "Standar kinerja berhasil bila diterapkan secara konsisten dan didukung semua pihak: komitmen bersama ASN "
            "dan pemimpin untuk membangun budaya kerja yang produktif dan responsif terhadap kebutuhan masyarakat."
        ),
    ),
    (
        "reflection",
        {
            "prompt": "Perubahan apa dalam cara kerja Anda yang paling sulit diterima? Dukungan apa yang "
            "Anda perlukan dari atasan?"
        },
    ),
]

M4_QUIZ = [
    single(
        "m4q1",
        "Apa tantangan utama dalam pengelolaan kinerja ASN di Walesi menurut materi ini?",
        [
            ("Resistensi terhadap perubahan", True, "Tepat. Sebagian pegawai nyaman dengan cara kerja lama."),
            ("Terlalu banyak pegawai", False, "Materi tidak menyebut jumlah pegawai sebagai tantangan."),
            ("Tidak adanya standar", False, "Standarnya sudah jelas; tantangannya ada pada penerapan."),
        ],
    ),
    single(
        "m4q2",
        "Pendekatan apa yang dianjurkan untuk menghadapi pegawai yang enggan berubah?",
        [
            ("Sanksi langsung tanpa penjelasan", False, "Sanksi tanpa pemahaman jarang mengubah kebiasaan."),
            ("Sosialisasi dan pelatihan yang humanis agar manfaatnya terlihat", True, "Tepat."),
            ("Membiarkannya sampai terbiasa sendiri", False, "Perubahan perlu didampingi."),
        ],
    ),
    multiple(
        "m4q3",
        "Apa saja peran pemimpin dalam meningkatkan kinerja ASN? (pilih semua yang sesuai)",
        [
            ("Mengawasi pelaksanaan tugas", True, "Ya."),
            ("Memberi motivasi", True, "Ya."),
            ("Memberi dukungan kepada bawahan", True, "Ya."),
            ("Mengerjakan semua tugas bawahan sendiri", False, "Pemimpin mendukung, bukan mengambil alih."),
        ],
    ),
    truefalse(
        "m4q4",
        "Pertemuan rutin untuk membahas permasalahan dan pencapaian tim dapat menumbuhkan rasa kebersamaan.",
        True,
        "Tepat. Itulah contoh dari kepala dinas dalam materi.",
        "Kurang tepat. Materi memberi contoh kepala dinas yang pertemuan rutinnya menumbuhkan kebersamaan.",
    ),
    single(
        "m4q5",
        "Apa yang dibutuhkan agar standar kinerja berhasil?",
        [
            ("Penerapan yang konsisten dan komitmen bersama ASN dan pemimpin", True, "Tepat."),
            ("Penilaian yang hanya dilakukan di akhir tahun", False, "Penilaian juga dilakukan berkala."),
            ("Aturan yang sering diganti", False, "Konsistensi justru kuncinya."),
        ],
    ),
]

FINAL_QUIZ = [
    single(
        "fq1",
        "Apa yang dinilai dalam pengelolaan kinerja ASN?",
        [
            ("Hasil kerja dan perilaku kerja", True, "Tepat."),
            ("Hanya hasil kerja", False, "Perilaku kerja juga dinilai."),
            ("Hanya kehadiran", False, "Kehadiran hanya bagian dari disiplin."),
        ],
    ),
    single(
        "fq2",
        "Siapa pejabat penilai kinerja seorang pegawai?",
        [
            ("Atasan langsung", True, "Tepat."),
            ("Rekan kerja", False, "Rekan kerja bukan penilai kinerja."),
            ("Kepala BKPSDM", False, "BKPSDM mengelola kepegawaian, bukan menilai setiap pegawai."),
        ],
    ),
    multiple(
        "fq3",
        "Standar kinerja ASN di Walesi meliputi… (pilih semua yang sesuai)",
        [
            ("Disiplin Kerja", True, ""),
            ("Kualitas Pelayanan Publik", True, ""),
            ("Inovasi", True, ""),
            ("Masa kerja", False, "Masa kerja bukan standar kinerja."),
        ],
    ),
    single(
        "fq4",
        "Hasil kerja di bawah ekspektasi dan perilaku kerja sesuai ekspektasi menghasilkan predikat…",
        [
            ("Baik", False, "Hasil kerja di bawah ekspektasi tidak menghasilkan Baik."),
            ("Butuh Perbaikan", True, "Tepat."),
            ("Sangat Kurang", False, "Sangat Kurang bila perilaku juga di bawah ekspektasi."),
            ("Kurang/Misconduct", False, "Kurang/Misconduct bila perilaku di bawah ekspektasi."),
        ],
    ),
    single(
        "fq5",
        "Pada skala berapa warga menilai setiap unsur SKM?",
        [
            ("1 sampai 4", True, "Tepat: tidak baik, kurang baik, baik, sangat baik."),
            ("1 sampai 10", False, "Skala SKM lebih pendek."),
            ("0 sampai 100", False, "0–100 bukan skala jawaban; IKM sendiri berkisar 25–100."),
        ],
    ),
    truefalse(
        "fq6",
        "IKM 90 berarti mutu pelayanan A (Sangat Baik).",
        True,
        "Tepat. Mutu A mulai dari 88,31.",
        "Kurang tepat. IKM 88,31 ke atas bermutu A.",
    ),
    truefalse(
        "fq7",
        "Pegawai yang melayani dengan cepat tidak perlu memberi informasi kepada warga.",
        False,
        "Kurang tepat. Standar meminta pelayanan yang cepat sekaligus ramah dan informatif.",
        "Tepat. Pelayanan harus cepat, ramah, dan informatif.",
    ),
    multiple(
        "fq8",
        "Apa yang dilakukan pemimpin yang baik? (pilih semua yang sesuai)",
        [
            ("Mengadakan pertemuan rutin tentang masalah dan pencapaian tim", True, ""),
            ("Memberi apresiasi atas capaian pegawai", True, ""),
            ("Menghindari pembicaraan tentang masalah", False, "Masalah perlu dibahas terbuka."),
        ],
    ),
    single(
        "fq9",
        "Bagaimana sebaiknya menghadapi rekan yang enggan memakai standar kinerja yang baru?",
        [
            ("Mengajaknya melihat manfaat melalui sosialisasi dan pelatihan", True, "Tepat."),
            ("Melaporkannya tanpa berbicara lebih dulu", False, "Pendekatan humanis lebih dahulu."),
            ("Membiarkannya", False, "Perubahan perlu didampingi."),
        ],
    ),
    single(
        "fq10",
        "Pada tahap mana umpan balik berkelanjutan diberikan?",
        [
            ("Pelaksanaan, pemantauan, dan pembinaan", True, "Tepat."),
            ("Hanya pada tindak lanjut", False, "Umpan balik diberikan sepanjang tahun."),
            ("Sebelum perencanaan", False, "Umpan balik diberikan setelah kerja dimulai."),
        ],
    ),
]

# --- Course 2: Pelayanan Publik yang Ramah dan Informatif -------------------------------------------------
S1_BODY = [
    (
        "paragraph",
        p(
            "Bagi warga, pertemuan di loket adalah wajah pemerintah. Sapaan yang hangat dan kesediaan mendengar membuat "
            "warga merasa dihargai – apalagi bagi mereka yang datang dari kampung yang jauh."
        ),
    ),
    ("heading", "Tiga kebiasaan di loket"),
    (
        "paragraph",
        "<ol><li><b>Sapa</b> warga dan persilakan duduk bila ada tempat.</li>"
        "<li><b>Tanyakan</b> keperluannya dan <b>dengarkan</b> sampai selesai sebelum menjawab.</li>"
        "<li><b>Ulangi</b> secara singkat apa yang Anda pahami, agar tidak ada salah paham.</li></ol>",
    ),
    (
        "example",
        {
            "title": "Bahasa yang dipahami warga",
            "text": p(
                "Seorang warga lanjut usia kurang lancar berbahasa Indonesia. Petugas meminta bantuan rekan yang menguasai "
                "bahasa daerah, sehingga keperluannya dapat dipahami dengan tepat."
            ),
        },
    ),
    (
        "takeaways",
        {
            "title": "Poin penting",
            "points": items(
                "s1-take",
                [
                    "Sapa, tanyakan, dengarkan, ulangi.",
                    "Gunakan bahasa yang dipahami warga.",
                ],
            ),
        },
    ),
]
S1_QUIZ = [
    single(
        "s1q1",
        "Apa yang sebaiknya dilakukan pertama kali ketika warga datang ke loket?",
        [
            ("Menyapa dan menanyakan keperluannya", True, "Tepat."),
            ("Langsung meminta berkas", False, "Tanyakan dulu keperluannya; bisa jadi berkasnya berbeda."),
            ("Meminta warga menunggu tanpa penjelasan", False, "Warga berhak tahu apa yang terjadi."),
        ],
    ),
    truefalse(
        "s1q2",
        "Mengulangi secara singkat keperluan warga membantu mencegah salah paham.",
        True,
        "Tepat.",
        "Kurang tepat. Mengulangi memastikan Anda dan warga memahami hal yang sama.",
    ),
    single(
        "s1q3",
        "Warga kurang lancar berbahasa Indonesia. Apa yang paling tepat?",
        [
            ("Meminta bantuan rekan yang menguasai bahasa daerah", True, "Tepat."),
            ("Meminta warga kembali bersama keluarganya", False, "Ini menambah perjalanan bagi warga."),
            ("Berbicara lebih keras", False, "Masalahnya bahasa, bukan pendengaran."),
        ],
    ),
    multiple(
        "s1q4",
        "Manakah sikap yang ramah di loket? (pilih semua yang sesuai)",
        [
            ("Mendengarkan sampai warga selesai berbicara", True, ""),
            ("Mempersilakan duduk bila ada tempat", True, ""),
            ("Menyela agar antrean cepat", False, "Menyela membuat warga merasa tidak didengar."),
        ],
    ),
    truefalse(
        "s1q5",
        "Keramahan tidak berpengaruh pada penilaian kinerja selama dokumen selesai tepat waktu.",
        False,
        "Kurang tepat. Perilaku pelaksana termasuk unsur SKM dan perilaku kerja dinilai dalam SKP.",
        "Tepat. Perilaku kerja dan penilaian warga ikut menentukan.",
    ),
]
S2_BODY = [
    (
        "paragraph",
        p(
            "Warga yang mendapat informasi lengkap tidak perlu datang berkali-kali. Informasi yang baik menjawab empat "
            "pertanyaan: apa persyaratannya, bagaimana prosedurnya, berapa lama, dan berapa biayanya."
        ),
    ),
    (
        "example",
        {
            "title": "Papan informasi layanan",
            "text": p(
                "Kantor distrik memasang daftar persyaratan dan lama proses setiap layanan dekat pintu masuk. Pertanyaan "
                "berulang di loket berkurang."
            ),
        },
    ),
    (
        "paragraph",
        p(
            "Bila ada keterlambatan, beri tahu warga alasannya dan perkiraan waktu baru. Catat pengaduan dan saran, "
            "lalu tindak lanjuti – penanganan pengaduan adalah salah satu unsur SKM."
        ),
    ),
    (
        "reflection",
        {
            "prompt": "Pertanyaan apa yang paling sering diajukan warga di unit Anda? Bagaimana jawabannya "
            "dapat disampaikan sebelum mereka bertanya?"
        },
    ),
]
S2_QUIZ = [
    multiple(
        "s2q1",
        "Informasi yang lengkap tentang layanan menjawab… (pilih semua yang sesuai)",
        [
            ("Persyaratannya", True, ""),
            ("Prosedurnya", True, ""),
            ("Lama penyelesaiannya", True, ""),
            ("Biayanya", True, ""),
            ("Nama keluarga petugas", False, "Ini tidak diperlukan warga."),
        ],
    ),
    single(
        "s2q2",
        "Dokumen warga terlambat selesai. Apa yang sebaiknya dilakukan?",
        [
            ("Memberi tahu alasannya dan perkiraan waktu baru", True, "Tepat."),
            ("Diam saja sampai warga bertanya", False, "Warga berhak mendapat kabar."),
            ("Meminta warga mengajukan ulang", False, "Ini menambah beban warga."),
        ],
    ),
    truefalse(
        "s2q3",
        "Penanganan pengaduan, saran, dan masukan adalah salah satu unsur SKM.",
        True,
        "Tepat, unsur kedelapan.",
        "Kurang tepat. Ini unsur kedelapan dari sembilan unsur SKM.",
    ),
    single(
        "s2q4",
        "Apa manfaat papan informasi persyaratan di dekat pintu masuk?",
        [
            ("Warga datang dengan berkas lengkap dan antrean lebih cepat", True, "Tepat."),
            (
                "Petugas tidak perlu lagi melayani pertanyaan",
                False,
                "Petugas tetap melayani; pertanyaan berulang berkurang.",
            ),
            ("Menggantikan SKM", False, "Papan informasi tidak menggantikan survei."),
        ],
    ),
    truefalse(
        "s2q5",
        "Pengaduan warga cukup didengarkan; tidak perlu dicatat.",
        False,
        "Kurang tepat. Pengaduan dicatat dan ditindaklanjuti.",
        "Tepat. Pengaduan dicatat dan ditindaklanjuti.",
    ),
]

# --- Course 3: Inovasi dalam Pekerjaan Sehari-hari --------------------------------------------------------
I1_BODY = [
    (
        "paragraph",
        p(
            "Inovasi dimulai dari masalah yang berulang: berkas yang sering kurang, warga yang harus datang dua kali, "
            "antrean panjang pada hari pasar. Catat masalah seperti ini selama satu atau dua minggu."
        ),
    ),
    ("heading", "Pertanyaan pemandu"),
    (
        "paragraph",
        ul(
            "Apa yang paling sering membuat warga kecewa?",
            "Langkah mana yang paling lama dalam proses layanan?",
            "Apa yang dapat diubah tanpa biaya besar?",
        ),
    ),
    (
        "example",
        {
            "title": "Formulir yang diisi di rumah",
            "text": p(
                "Petugas membagikan contoh formulir yang sudah diisi kepada kepala kampung. Warga datang dengan formulir "
                "lengkap dan waktu di loket menjadi singkat."
            ),
        },
    ),
]
I1_QUIZ = [
    single(
        "i1q1",
        "Dari mana inovasi di unit kerja sebaiknya dimulai?",
        [
            ("Dari masalah berulang yang dialami warga atau pegawai", True, "Tepat."),
            ("Dari membeli peralatan baru", False, "Peralatan bukan titik awalnya; masalahnya dulu."),
            ("Dari meniru kantor lain tanpa melihat masalah sendiri", False, "Keadaan setempat bisa berbeda."),
        ],
    ),
    truefalse(
        "i1q2",
        "Mencatat masalah selama satu atau dua minggu membantu melihat pola yang berulang.",
        True,
        "Tepat.",
        "Kurang tepat. Catatan memperlihatkan masalah mana yang paling sering terjadi.",
    ),
    multiple(
        "i1q3",
        "Manakah yang termasuk masalah berulang yang layak diperbaiki? (pilih semua yang sesuai)",
        [
            ("Berkas warga sering kurang", True, ""),
            ("Warga harus datang dua kali", True, ""),
            ("Satu kali listrik padam karena badai", False, "Kejadian sekali bukan masalah berulang."),
        ],
    ),
    single(
        "i1q4",
        "Contoh formulir yang diisi dan dibagikan lewat kepala kampung menghasilkan…",
        [
            ("Warga datang dengan formulir lengkap dan waktu di loket lebih singkat", True, "Tepat."),
            ("Warga tidak perlu lagi datang ke kantor sama sekali", False, "Warga tetap datang, tetapi lebih cepat."),
            ("Kepala kampung mengurus semua dokumen", False, "Kepala kampung hanya membantu menyebarkan contoh."),
        ],
    ),
    truefalse(
        "i1q5",
        "Inovasi yang baik selalu memerlukan anggaran besar.",
        False,
        "Kurang tepat. Banyak perbaikan hampir tanpa biaya.",
        "Tepat. Perbaikan kecil sering hampir tanpa biaya.",
    ),
]
I2_BODY = [
    (
        "paragraph",
        p(
            "Setelah masalah dikenali, coba perbaikannya dalam skala kecil selama dua sampai empat minggu. Ukur "
            "hasilnya dengan angka sederhana, misalnya berapa warga yang harus kembali karena berkas kurang, sebelum "
            "dan sesudah perbaikan."
        ),
    ),
    (
        "paragraph",
        p(
            "Bila berhasil, bagikan dalam rapat rutin agar unit lain dapat meniru. Bila belum berhasil, itu juga "
            "pelajaran: ubah sedikit dan coba lagi."
        ),
    ),
    (
        "takeaways",
        {
            "title": "Poin penting",
            "points": items(
                "i2-take",
                [
                    "Coba kecil-kecilan dulu.",
                    "Ukur sebelum dan sesudah.",
                    "Bagikan hasilnya, berhasil ataupun belum.",
                ],
            ),
        },
    ),
]
I2_QUIZ = [
    single(
        "i2q1",
        "Mengapa perbaikan dicoba dalam skala kecil lebih dulu?",
        [
            ("Agar risikonya kecil dan hasilnya dapat diukur sebelum diperluas", True, "Tepat."),
            ("Agar tidak ada yang tahu", False, "Hasilnya justru perlu dibagikan."),
            ("Karena perbaikan besar dilarang", False, "Tidak dilarang; skala kecil mengurangi risiko."),
        ],
    ),
    single(
        "i2q2",
        "Ukuran yang paling tepat untuk perbaikan daftar periksa berkas adalah…",
        [
            ("Jumlah warga yang harus kembali karena berkas kurang, sebelum dan sesudah", True, "Tepat."),
            ("Jumlah rapat yang diadakan", False, "Rapat tidak menunjukkan dampak bagi warga."),
            ("Warna kertas daftar periksa", False, "Tidak mengukur hasil."),
        ],
    ),
    truefalse(
        "i2q3",
        "Perbaikan yang belum berhasil tidak perlu dibagikan kepada rekan.",
        False,
        "Kurang tepat. Perbaikan yang belum berhasil juga memberi pelajaran.",
        "Tepat. Hasil yang belum berhasil pun berguna bagi rekan.",
    ),
    multiple(
        "i2q4",
        "Di mana hasil inovasi dapat dibagikan? (pilih semua yang sesuai)",
        [
            ("Dalam rapat rutin unit", True, ""),
            ("Kepada unit lain yang punya masalah serupa", True, ""),
            ("Tidak perlu dibagikan", False, "Berbagi membuat perbaikan menyebar."),
        ],
    ),
    truefalse(
        "i2q5",
        "Uji coba dua sampai empat minggu biasanya cukup untuk melihat hasil awal perbaikan kecil.",
        True,
        "Tepat.",
        "Kurang tepat. Dua sampai empat minggu umumnya cukup untuk perbaikan kecil.",
    ),
]


COURSES = [
    {
        "slug": "standar-kinerja-asn-walesi",
        "title": "Standar Kinerja ASN Walesi",
        "summary": (
            "Kursus wajib bagi seluruh ASN Distrik Walesi: apa itu pengelolaan kinerja, tiga standar kinerja beserta "
            "contohnya, bagaimana kinerja dinilai termasuk survei kepuasan masyarakat, serta peran pemimpin dalam "
            "menghadapi tantangan perubahan."
        ),
        "objectives": [
            "Menjelaskan siklus pengelolaan kinerja dan isi SKP.",
            "Menguraikan tiga standar kinerja ASN Walesi dengan contoh dari pekerjaan sendiri.",
            "Menentukan predikat kinerja dari penilaian hasil kerja dan perilaku kerja.",
            "Menjelaskan tujuan dan cara kerja Survei Kepuasan Masyarakat.",
            "Mengenali peran pemimpin dalam menghadapi resistensi terhadap perubahan.",
        ],
        "standards": ["disiplin-kerja", "kualitas-pelayanan-publik", "inovasi"],
        "jp": Decimal("4"),
        "minutes": 180,
        "level": CourseLevel.DASAR,
        "mandatory": True,
        "rule": CompletionRule.MODULES_AND_FINAL,
        "modules": [
            ("apa-itu-pengelolaan-kinerja", "Apa itu pengelolaan kinerja?", 30, M1_BODY, M1_QUIZ),
            ("tiga-standar-kinerja-dan-contohnya", "Tiga standar kinerja dan contohnya", 40, M2_BODY, M2_QUIZ),
            ("bagaimana-kinerja-dinilai", "Bagaimana kinerja dinilai", 45, M3_BODY, M3_QUIZ),
            ("pemimpin-dan-tantangan-perubahan", "Pemimpin dan tantangan perubahan", 35, M4_BODY, M4_QUIZ),
        ],
        "final": ("ujian-akhir", "Ujian akhir: Standar Kinerja ASN Walesi", FINAL_QUIZ),
        "cover": (11, 93, 59),
    },
    {
        "slug": "pelayanan-publik-ramah-dan-informatif",
        "title": "Pelayanan Publik yang Ramah dan Informatif",
        "summary": (
            "Kursus singkat tentang cara menyambut, mendengarkan, dan memberi informasi yang jelas kepada warga, "
            "sehingga pelayanan cepat sekaligus ramah."
        ),
        "objectives": [
            "Menerapkan kebiasaan sapa, tanya, dengar, ulangi di loket.",
            "Menyampaikan persyaratan, prosedur, waktu, dan biaya layanan dengan jelas.",
            "Menangani keterlambatan dan pengaduan dengan terbuka.",
        ],
        "standards": ["kualitas-pelayanan-publik"],
        "jp": Decimal("2"),
        "minutes": 90,
        "level": CourseLevel.DASAR,
        "mandatory": False,
        "rule": CompletionRule.MODULES,
        "modules": [
            ("menyambut-dan-mendengarkan-warga", "Menyambut dan mendengarkan warga", 40, S1_BODY, S1_QUIZ),
            ("memberi-informasi-yang-jelas", "Memberi informasi yang jelas", 50, S2_BODY, S2_QUIZ),
        ],
        "final": None,
        "cover": (10, 79, 163),
    },
    {
        "slug": "inovasi-dalam-pekerjaan-sehari-hari",
        "title": "Inovasi dalam Pekerjaan Sehari-hari",
        "summary": (
            "Kursus singkat tentang cara mengenali masalah berulang, mencoba perbaikan kecil, mengukur hasilnya, "
            "dan membagikannya kepada rekan."
        ),
        "objectives": [
            "Mengenali masalah berulang dalam layanan.",
            "Merancang uji coba perbaikan kecil dan ukurannya.",
            "Membagikan hasil perbaikan kepada rekan dan unit lain.",
        ],
        "standards": ["inovasi"],
        "jp": Decimal("1.5"),
        "minutes": 70,
        "level": CourseLevel.MENENGAH,
        "mandatory": False,
        "rule": CompletionRule.MODULES,
        "modules": [
            ("mengenali-masalah-berulang", "Mengenali masalah yang berulang", 35, I1_BODY, I1_QUIZ),
            ("mencoba-mengukur-membagikan", "Mencoba, mengukur, dan membagikan", 35, I2_BODY, I2_QUIZ),
        ],
        "final": None,
        "cover": (138, 75, 0),
    },
]


@transaction.atomic
def seed(stdout=None) -> CourseIndexPage:
    """The catalogue and the three demo courses with modules, knowledge checks and a final assessment."""
    home = HomePage.objects.first()
    if home is None:
        from home.devdata.demo import seed as seed_home

        home = seed_home()
    catalogue, _ = ensure_child(
        home,
        CourseIndexPage,
        "kursus",
        title="Katalog Kursus",
        intro=p(
            "Kursus singkat untuk memahami dan menerapkan standar kinerja ASN Walesi. Setiap kursus dapat diikuti "
            "dari telepon; jam pelajaran (JP) dicatat saat kursus selesai."
        ),
    )
    standards = {s.slug: s for s in StandardPage.objects.all()}
    for spec in COURSES:
        course, _ = ensure_child(
            catalogue,
            CoursePage,
            spec["slug"],
            title=spec["title"],
            summary=spec["summary"],
            learning_objectives=stream(spec["slug"] + "-obj", [("objective", o) for o in spec["objectives"]]),
            target_standards=[standards[s] for s in spec["standards"] if s in standards],
            jp_credit=spec["jp"],
            estimated_minutes=spec["minutes"],
            level=spec["level"],
            is_mandatory=spec["mandatory"],
            issues_certificate=True,
            completion_rule=spec["rule"],
            cover_image=cover_image(f"Sampul kursus: {spec['title']}", spec["title"], colour=spec["cover"]),
        )
        for slug, title, minutes, body, quiz in spec["modules"]:
            ensure_child(
                course,
                ModulePage,
                slug,
                title=title,
                estimated_minutes=minutes,
                body=stream(f"{spec['slug']}/{slug}", body),
                questions=questions(f"{spec['slug']}/{slug}/quiz", quiz),
                pass_mark=70,
                max_attempts=0,
                shuffle_choices=True,
            )
        if spec["final"]:
            slug, title, quiz = spec["final"]
            ensure_child(
                course,
                FinalAssessmentPage,
                slug,
                title=title,
                intro=p(
                    "Ujian akhir menguji pemahaman Anda atas seluruh modul. Anda lulus dengan nilai paling sedikit "
                    "70%. Sebelum mulai, pastikan semua modul wajib sudah selesai."
                ),
                questions=questions(f"{spec['slug']}/{slug}/quiz", quiz),
                pass_mark=70,
                max_attempts=3,
                shuffle_questions=True,
                shuffle_choices=True,
                draw_count=8,
                time_limit_minutes=20,
            )
    if stdout is not None:
        stdout.write(f"Learning: {CoursePage.objects.count()} courses, {ModulePage.objects.count()} modules.")
    from .demo_records import seed_records  # learning records of the demo learners, after the content

    seed_records(stdout)
    return catalogue
