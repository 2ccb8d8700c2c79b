"""The tracking page never says whether the number or the PIN was wrong, nor that it locked."""

from tests.public.conftest import apply_to_bangli, receipt

MESSAGE = "Nomor registrasi atau PIN tidak cocok."


def _answer(client, number: str, pin: str) -> str:
    response = client.post("/lacak/", {"nomor": number, "pin": pin})
    assert response.status_code == 400
    return response.content.decode()


def _message(body: str) -> str:
    return body.split('role="alert">')[1].split("</div>")[0]


def test_a_wrong_pin_gets_one_message_for_both_mistakes(client, demo):
    apply_to_bangli(client)
    number, pin = receipt(client)
    wrong_pin = "000000" if pin != "000000" else "111111"
    unknown_number = "00000-00000"  # a valid check symbol, but no such case

    wrong = _answer(client, number, wrong_pin)
    unknown = _answer(client, unknown_number, pin)

    assert MESSAGE in wrong
    assert _message(wrong) == _message(unknown)
    assert "15 menit" in wrong  # the generic hint, shown to everyone


def test_after_five_wrong_pins_even_the_right_pin_gets_the_same_message(client, demo):
    apply_to_bangli(client)
    number, pin = receipt(client)
    wrong_pin = "000000" if pin != "000000" else "111111"
    for _attempt in range(5):
        _answer(client, number, wrong_pin)

    assert MESSAGE in _answer(client, number, pin)


def test_the_right_pin_opens_the_status_page(client, demo):
    apply_to_bangli(client)
    number, pin = receipt(client)
    client.post("/lacak/keluar/")

    response = client.post("/lacak/", {"nomor": number.lower().replace("-", ""), "pin": pin})

    assert response.status_code == 302
    assert response["Location"] == "/lacak/permohonan/"
    assert client.session.get_expire_at_browser_close()  # remembered until the browser closes
