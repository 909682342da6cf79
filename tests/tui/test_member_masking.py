"""The member edit form keeps the 公民身份号码 and the phone masked until the officer asks to see
them; a masked field saved unchanged keeps the member's number."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import Button, Input
from tuikit import LI_SI, ZHANG_SAN, app_for, ready, ric, union
from unioncore_tui.app import UnionApp
from unioncore_tui.screens.member_forms import MemberForm, SecretRow

from unioncore.identifiers import mask_phone, mask_ric

PHONE = "13812345678"


async def edit(app: UnionApp, pilot: object, member_id: str) -> MemberForm:
    await pilot.press("2")  # type: ignore[attr-defined]
    app.pane("members").table.select_key(member_id)  # type: ignore[attr-defined]
    await pilot.press("e")  # type: ignore[attr-defined]
    form = app.screen
    assert isinstance(form, MemberForm)
    return form


def box(form: MemberForm, field: str) -> Input:
    return form.body.row(field).query_one(Input)


def secret(form: MemberForm, field: str) -> SecretRow:
    row = form.body.row(field)
    assert isinstance(row, SecretRow)
    return row


def screen_text(app: UnionApp) -> str:
    return app.export_screenshot()


async def test_the_edit_form_shows_the_numbers_masked_and_saves_them_unchanged(tmp_path: Path) -> None:
    root = union(tmp_path / "ws")
    app = app_for(root)
    async with app.run_test(size=(100, 40)) as pilot:
        await ready(pilot)
        form = await edit(app, pilot, "M0001")
        await pilot.pause()
        assert box(form, "id_number").value == mask_ric(ZHANG_SAN)
        assert box(form, "phone").value == mask_phone(PHONE)
        assert box(form, "id_number").disabled and box(form, "phone").disabled
        shown = screen_text(app)
        assert ZHANG_SAN not in shown and PHONE not in shown
        assert mask_ric(ZHANG_SAN) in shown
        # the values the form checks and submits are the member's own
        assert form.values()["id_number"] == ZHANG_SAN and form.values()["phone"] == PHONE
        # another field changed, the numbers untouched
        box(form, "name").value = "张三丰"
        await pilot.pause()
        await pilot.press("ctrl+s")
        assert app.screen is not form
        assert app.session is not None
        member = app.session.ws.members["M0001"]
        assert (member.name, member.id_number, member.phone) == ("张三丰", ZHANG_SAN, PHONE)
        await pilot.press("ctrl+s")
        saved = (root / "orgs/A/members.toml").read_text(encoding="utf-8")
        assert f'id_number = "{ZHANG_SAN}"' in saved and f'phone = "{PHONE}"' in saved


async def test_a_number_is_shown_when_asked_for_and_can_be_changed(tmp_path: Path) -> None:
    root = union(tmp_path / "ws")
    app = app_for(root)
    async with app.run_test(size=(100, 40)) as pilot:
        await ready(pilot)
        form = await edit(app, pilot, "M0001")
        phone = secret(form, "phone")
        # its button shows it, ready to be changed
        await pilot.click("#reveal-phone")
        await pilot.pause()
        assert phone.revealed and box(form, "phone").value == PHONE
        assert app.focused is box(form, "phone")
        assert PHONE in screen_text(app)
        assert box(form, "id_number").value == mask_ric(ZHANG_SAN)  # the other stays masked
        # a bad number is checked as typed, beside its field
        box(form, "phone").value = "12345"
        await pilot.pause()
        assert form.body.row("phone").has_class("-invalid")
        box(form, "phone").value = "13900001111"
        await pilot.pause()
        assert not form.body.row("phone").has_class("-invalid")
        # hidden again, what was typed is kept (masked)
        await pilot.click("#reveal-phone")
        await pilot.pause()
        assert box(form, "phone").value == mask_phone("13900001111") and box(form, "phone").disabled
        assert form.values()["phone"] == "13900001111"
        await pilot.press("ctrl+s")
        assert app.screen is not form
        assert app.session is not None
        member = app.session.ws.members["M0001"]
        assert (member.id_number, member.phone) == (ZHANG_SAN, "13900001111")


async def test_ctrl_t_shows_and_hides_both_numbers_and_a_changed_number_is_checked(tmp_path: Path) -> None:
    root = union(tmp_path / "ws")
    app = app_for(root)
    async with app.run_test(size=(100, 40)) as pilot:
        await ready(pilot)
        form = await edit(app, pilot, "M0001")
        await pilot.press("ctrl+t")
        await pilot.pause()
        assert box(form, "id_number").value == ZHANG_SAN and box(form, "phone").value == PHONE
        assert app.focused is box(form, "id_number")
        # a wrong check digit is refused beside the field, masked in the message
        bad = ZHANG_SAN[:-1] + ("0" if ZHANG_SAN[-1] != "0" else "1")
        box(form, "id_number").value = bad
        await pilot.pause()
        await pilot.press("ctrl+s")
        assert app.screen is form
        row = form.body.row("id_number")
        assert row.has_class("-invalid")
        box(form, "id_number").value = LI_SI  # 李四's number: taken
        await pilot.pause()
        assert row.has_class("-invalid")
        other = ric("11010519800101003")
        box(form, "id_number").value = other
        await pilot.pause()
        assert not row.has_class("-invalid")
        await pilot.press("ctrl+t")
        await pilot.pause()
        assert box(form, "id_number").value == mask_ric(other)
        assert box(form, "phone").value == mask_phone(PHONE)
        assert other not in screen_text(app)
        await pilot.press("ctrl+s")
        assert app.screen is not form
        assert app.session is not None
        assert app.session.ws.members["M0001"].id_number == other


async def test_a_member_without_a_phone_gets_an_ordinary_phone_box(tmp_path: Path) -> None:
    root = union(tmp_path / "ws")
    app = app_for(root)
    async with app.run_test(size=(100, 40)) as pilot:
        await ready(pilot)
        form = await edit(app, pilot, "M0002")  # 李四 has no phone on file
        phone = secret(form, "phone")
        assert phone.revealed and not box(form, "phone").disabled
        assert not phone.query_one(Button).display
        assert box(form, "id_number").value == mask_ric(LI_SI)
        box(form, "phone").value = "13700002222"
        await pilot.pause()
        await pilot.press("ctrl+s")
        assert app.screen is not form
        assert app.session is not None
        member = app.session.ws.members["M0002"]
        assert (member.id_number, member.phone) == (LI_SI, "13700002222")


async def test_the_add_form_has_ordinary_boxes(tmp_path: Path) -> None:
    """A new member's numbers are typed by the officer: nothing on file to hide."""
    root = union(tmp_path / "ws")
    app = app_for(root)
    async with app.run_test(size=(100, 40)) as pilot:
        await ready(pilot)
        await pilot.press("2")
        await pilot.press("n")
        form = app.screen
        assert isinstance(form, MemberForm)
        assert not form.body.query(SecretRow)
        assert not box(form, "id_number").disabled
