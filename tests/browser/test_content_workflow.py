"""In Chromium: a trainer writes a module with a two-question quiz in the Wagtail admin and submits it for review;
the reviewer approves it; the module is live."""

import pytest

from portal.demo import DEMO_PASSWORD

# serialized_rollback: the Wagtail tree roots made by migrations must survive the flush of other browser tests.
pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


def _login(page, email):
    page.context.clear_cookies()
    page.goto(page.base_url + "/akun/login/")
    page.get_by_label("Alamat email").fill(email)
    page.get_by_label("Kata sandi").fill(DEMO_PASSWORD)
    page.get_by_role("button", name="Masuk").click()
    page.wait_for_load_state()


def _add_question(page, index, kind, prompt, choices):
    quiz = page.locator("#tab-kuis")
    quiz.locator("button.c-sf-add-button[title='Insert a block']").last.click()
    page.locator(f"[name='questions-{index}-value-kind']").select_option(kind)
    page.locator(f"[name='questions-{index}-value-prompt']").fill(prompt)
    for j, (text, correct, feedback) in enumerate(choices):
        if j:
            # The list starts with one empty choice; each further one is added with the list's last "+".
            quiz.locator("button.c-sf-add-button[title='Tambah']").last.click()
        page.locator(f"[name='questions-{index}-value-choices-{j}-value-text']").fill(text)
        if correct:
            page.locator(f"[name='questions-{index}-value-choices-{j}-value-is_correct']").check()
        page.locator(f"[name='questions-{index}-value-choices-{j}-value-feedback']").fill(feedback)


def test_trainer_writes_module_with_quiz_reviewer_approves_it_goes_live(page, demo_users):
    from learning import demo as learning_demo
    from learning.models import CoursePage, ModulePage
    from learning.quiz import quiz_questions

    learning_demo.seed()
    course = CoursePage.objects.get(slug="pelayanan-publik-ramah-dan-informatif")
    page.set_viewport_size({"width": 1280, "height": 900})  # the Wagtail admin, on a desktop

    _login(page, "pelatih@walesi.test")
    page.goto(f"{page.base_url}/admin/pages/add/learning/modulepage/{course.pk}/")
    page.locator("#id_title").fill("Menangani pengaduan warga")
    page.locator("button.c-sf-add-button").first.click()
    page.get_by_role("option", name="Paragraf").click()
    page.locator(".public-DraftEditor-content").first.click()
    page.keyboard.type("Setiap pengaduan dicatat, dijawab, dan ditindaklanjuti.")
    page.get_by_role("tab", name="Kuis").click()
    _add_question(
        page,
        0,
        "single",
        "Apa yang dilakukan pertama kali dengan pengaduan warga?",
        [("Mencatatnya", True, "Tepat, lalu ditindaklanjuti."), ("Mengabaikannya", False, "Pengaduan wajib dijawab.")],
    )
    _add_question(
        page,
        1,
        "truefalse",
        "Penanganan pengaduan termasuk unsur survei kepuasan masyarakat.",
        [("Benar", True, "Ya, unsur kedelapan."), ("Salah", False, "Ini unsur kedelapan SKM.")],
    )
    page.locator("footer [data-w-dropdown-target=toggle]").last.click()
    page.locator("button[name='action-submit']").click()
    page.wait_for_load_state()
    assert "dikirim" in page.locator(".messages").inner_text()

    module = ModulePage.objects.get(title="Menangani pengaduan warga")
    assert not module.live
    assert module.current_workflow_state.status == "in_progress"
    assert page.request.get(f"{page.base_url}{course.url}{module.slug}/").status == 404

    _login(page, "admin@walesi.test")
    page.goto(f"{page.base_url}/admin/pages/{module.pk}/edit/")
    page.locator("footer [data-w-dropdown-target=toggle]").last.click()
    page.locator("footer button[data-workflow-action-name='approve']:not([data-workflow-action-modal-url])").click()
    page.wait_for_load_state()

    module = ModulePage.objects.get(pk=module.pk)
    assert module.live
    questions = quiz_questions(module)
    assert [q.kind for q in questions] == ["single", "truefalse"]
    assert [c.is_correct for c in questions[1].choices] == [True, False]

    page.context.clear_cookies()
    page.set_viewport_size({"width": 360, "height": 740})
    response = page.goto(page.base_url + module.url)
    assert response.status == 200
    assert page.locator("h1").inner_text() == "Menangani pengaduan warga"
    html = page.content()
    assert "Tepat, lalu ditindaklanjuti." not in html and "Ya, unsur kedelapan." not in html
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
