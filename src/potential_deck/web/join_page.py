"""The participants' page (issue 17): plain HTML forms that work on any phone without JavaScript.

Every text from a session or a person goes through `core.report.html.esc`; messages are chosen by
key (`join.ok.*`, `join.error.*`), never copied from the address. The page loads only its own
style sheet and, as an extra, a small script that reloads the page when the meeting moves on
(only while nothing is being typed); without the script a "Refresh" link does the same.
"""

from __future__ import annotations

from potential_deck.core.choices import Lang
from potential_deck.core.report.html import esc
from potential_deck.core.room import contributions, join
from potential_deck.core.room.join import PhoneView
from potential_deck.core.text.i18n import t

MAX_BODY = 16 * 1024
"""The largest request a phone may send, in bytes (a contribution is at most a few hundred)."""

CSS = """\
:root { color-scheme: light; }
* { box-sizing: border-box; }
body { margin: 0; padding: 1rem; font: 18px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif;
       color: #111; background: #fafafa; max-width: 40rem; margin-inline: auto; }
h1 { font-size: 1.4rem; margin: 0 0 .75rem; }
h2 { font-size: 1.15rem; margin: 1.5rem 0 .5rem; }
section { background: #fff; border: 1px solid #ccc; border-radius: .6rem; padding: .8rem 1rem;
          margin: 1rem 0; }
.card-title { font-size: 1.25rem; font-weight: 700; margin: .25rem 0; }
ul { padding-left: 1.2rem; margin: .25rem 0; }
label { display: block; margin: .6rem 0 .2rem; font-weight: 600; }
label.check { font-weight: 400; display: flex; gap: .5rem; align-items: center; }
textarea, input[type=text], input[type=tel] { width: 100%; font: inherit; padding: .6rem;
       border: 2px solid #555; border-radius: .4rem; background: #fff; color: #111; }
textarea { min-height: 5.5rem; resize: vertical; }
input[type=checkbox] { width: 1.4rem; height: 1.4rem; }
button { font: inherit; font-weight: 700; padding: .7rem 1.2rem; margin-top: .7rem; border-radius: .4rem;
       border: 2px solid #0b3d91; background: #0b3d91; color: #fff; min-width: 3rem; }
.vote { display: flex; align-items: center; gap: .5rem; border-top: 1px solid #ddd; padding: .5rem 0; }
.vote .text { flex: 1; }
.vote form { margin: 0; }
.vote button { margin: 0; padding: .4rem .9rem; }
.mine { font-weight: 700; min-width: 4.5rem; text-align: right; }
.message { padding: .7rem 1rem; border-radius: .4rem; margin: .5rem 0 1rem; font-weight: 600; }
.ok { background: #e3f4e3; border: 2px solid #2e7d32; }
.error { background: #fdecea; border: 2px solid #b71c1c; }
.quiet { color: #444; font-size: .95rem; }
a { color: #0b3d91; }
"""

SCRIPT = """\
(function () {
  var state = document.body.getAttribute("data-state");
  var version = document.body.getAttribute("data-version");
  if (!state || !window.fetch) { return; }
  function busy() {
    var fields = document.querySelectorAll("textarea, input[type=text]");
    for (var i = 0; i < fields.length; i++) {
      if (fields[i].value || fields[i] === document.activeElement) { return true; }
    }
    return false;
  }
  setInterval(function () {
    if (busy()) { return; }
    fetch(state, {cache: "no-store", credentials: "same-origin"}).then(function (r) {
      return r.ok ? r.text() : null;
    }).then(function (now) {
      if (now && now !== version && !busy()) { location.replace(location.pathname); }
    }).catch(function () {});
  }, 3000);
})();
"""


def _message(lang: Lang, kind: str, key: str) -> str:
    words = {
        "max": contributions.MAX_TEXT,
        "name_max": contributions.MAX_NAME,
        "per_minute": join.PER_MINUTE,
        "kb": MAX_BODY // 1024,
    }
    role = "alert" if kind == "error" else "status"
    return f'<p class="message {kind}" role="{role}">{esc(t(lang, f"join.{kind}.{key}", **words))}</p>'


def message(lang: Lang, ok: str | None = None, error: str | None = None) -> str:
    """A message shown at the top of a page: a `join.ok.<ok>` or a `join.error.<error>`."""
    if error:
        return _message(lang, "error", error)
    if ok:
        return _message(lang, "ok", ok)
    return ""


def _page(lang: Lang, body: str, *, state: str = "", version: str = "") -> str:
    data = f' data-state="{esc(state)}" data-version="{esc(version)}"' if state else ""
    script = '<script src="/p.js"></script>' if state else ""
    return (
        f'<!DOCTYPE html>\n<html lang="{esc(lang)}">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        '<meta name="referrer" content="same-origin">\n'
        f"<title>{esc(t(lang, 'join.page_title'))}</title>\n"
        '<link rel="stylesheet" href="/p.css">\n'
        f"</head>\n<body{data}>\n{body}\n{script}\n</body>\n</html>\n"
    )


def code_page(lang: Lang, error: str | None = None, code: str = "") -> str:
    """The page that asks for the code (the address without a code, or a wrong one)."""
    body = (
        f"<h1>{esc(t(lang, 'join.page_title'))}</h1>\n{message(lang, error=error)}"
        '<form method="post" action="/join">\n'
        f'<label for="code">{esc(t(lang, "join.code_label"))}</label>\n'
        f'<input type="tel" id="code" name="code" inputmode="numeric" autocomplete="off" '
        f'maxlength="20" value="{esc(code)}" required>\n'
        f'<p class="quiet">{esc(t(lang, "join.code_hint"))}</p>\n'
        f'<button type="submit">{esc(t(lang, "join.code_button"))}</button>\n</form>'
    )
    return _page(lang, body)


def error_page(lang: Lang, error: str) -> str:
    """A page that only says what went wrong (a link that no longer works, joining stopped)."""
    return _page(lang, f"<h1>{esc(t(lang, 'join.page_title'))}</h1>\n{message(lang, error=error)}")


def participant_page(
    view: PhoneView | None,
    lang: Lang,
    base: str,
    *,
    ok: str | None = None,
    error: str | None = None,
    typed: str = "",
    note_typed: str = "",
    name: str | None = None,
    anonymous: bool | None = None,
) -> str:
    """A participant's page: the card on screen, a field to add a growth opportunity (and a
    note while the facilitator shares one), the dots to place while the vote is open.

    `base` is the page's own address (`/p/<token>`); `typed` and `note_typed` put back what
    the participant typed when it was refused, so nothing is lost.
    """
    heading = f"<h1>{esc(t(lang, 'join.page_title'))}</h1>\n{message(lang, ok, error)}"
    refresh = f'<p class="quiet"><a href="{esc(base)}">{esc(t(lang, "join.refresh"))}</a></p>'
    if view is None:
        body = f"{heading}<p>{esc(t(lang, 'join.waiting'))}</p>\n{refresh}"
        return _page(lang, body)
    name = view.name if name is None else name
    anonymous = not name if anonymous is None else anonymous
    if note_typed and not view.shared:  # the note's field is no longer shared: keep the text all the same
        typed, note_typed = typed or note_typed, ""
    parts = [heading]
    if view.vote_open:
        parts.append(_vote(view, base))
    parts += [_title(view), _add_form(view, base, typed, name, anonymous)]
    if view.shared:
        parts.append(_note_form(view, base, note_typed, name, anonymous))
    if view.questions:
        questions = "".join(f"<li>{esc(question)}</li>" for question in view.questions)
        parts.append(f"<section><h2>{esc(t(lang, 'join.questions'))}</h2><ul>{questions}</ul></section>")
    if view.sent:
        items = "".join(f"<li>{esc(text)}</li>" for text in reversed(view.sent))
        parts.append(f"<section><h2>{esc(t(lang, 'join.sent_heading'))}</h2><ul>{items}</ul></section>")
    parts.append(f'<p class="quiet">{esc(t(lang, "join.privacy"))}</p>\n{refresh}')
    return _page(lang, "\n".join(parts), state=f"{base}/state", version=view.version)


def _title(view: PhoneView) -> str:
    """The card on the facilitator's screen (its questions come further down), or the harvest."""
    lang = view.lang
    if not view.title:
        return f'<section><p class="card-title">{esc(t(lang, "join.harvest"))}</p></section>'
    return (
        f'<section><p class="quiet">{esc(t(lang, "join.now"))}</p>'
        f'<p class="card-title">{esc(view.title)}</p></section>'
    )


def _who(view: PhoneView, name: str, anonymous: bool) -> str:
    lang = view.lang
    checked = " checked" if anonymous else ""
    return (
        f'<label for="{{id}}-name">{esc(t(lang, "join.name_label"))}</label>\n'
        f'<input type="text" id="{{id}}-name" name="name" maxlength="{contributions.MAX_NAME * 2}" '
        f'autocomplete="nickname" value="{esc(name)}">\n'
        f'<label class="check"><input type="checkbox" name="anonymous" value="1"{checked}> '
        f"{esc(t(lang, 'join.anonymous'))}</label>\n"
    )


def _add_form(view: PhoneView, base: str, typed: str, name: str, anonymous: bool) -> str:
    lang = view.lang
    limit = contributions.MAX_TEXT
    return (
        f"<section><h2>{esc(t(lang, 'join.add_heading'))}</h2>\n"
        f'<form method="post" action="{esc(base)}/add">\n'
        f'<label for="add-text" class="quiet">{esc(t(lang, "join.add_hint", max=limit))}</label>\n'
        f'<textarea id="add-text" name="text" maxlength="{limit * 2}" required>{esc(typed)}</textarea>\n'
        + _who(view, name, anonymous).replace("{id}", "add")
        + f'<button type="submit">{esc(t(lang, "join.send"))}</button>\n</form></section>'
    )


def _note_form(view: PhoneView, base: str, typed: str, name: str, anonymous: bool) -> str:
    lang = view.lang
    limit = contributions.MAX_TEXT
    return (
        f"<section><h2>{esc(t(lang, 'join.note_heading', field=view.shared))}</h2>\n"
        f'<form method="post" action="{esc(base)}/note">\n'
        f'<textarea id="note-text" name="text" maxlength="{limit * 2}" required '
        f'aria-label="{esc(view.shared)}">{esc(typed)}</textarea>\n'
        + _who(view, name, anonymous).replace("{id}", "note")
        + f'<button type="submit">{esc(t(lang, "join.note_send"))}</button>\n</form></section>'
    )


def _vote(view: PhoneView, base: str) -> str:
    lang = view.lang
    rows = []
    for item in view.items:
        rows.append(
            '<div class="vote">'
            f'<span class="text">{esc(item.text)}</span>'
            f'<span class="mine">{esc(t(lang, "join.my_dots", n=item.mine))}</span>'
            + _dot_button(base, item.id, -1, "−", t(lang, "join.dot_less", text=item.text))
            + _dot_button(base, item.id, 1, "+", t(lang, "join.dot_more", text=item.text))
            + "</div>"
        )
    return (
        f'<section id="vote"><h2>{esc(t(lang, "join.vote_heading"))}</h2>\n'
        f"<p><strong>{esc(t(lang, 'join.vote_left', n=view.left, budget=view.budget))}</strong></p>\n"
        f'<p class="quiet">{esc(t(lang, "join.vote_hint"))}</p>\n' + "\n".join(rows) + "</section>"
    )


def _dot_button(base: str, item_id: str, delta: int, sign: str, label: str) -> str:
    return (
        f'<form method="post" action="{esc(base)}/dot">'
        f'<input type="hidden" name="item" value="{esc(item_id)}">'
        f'<input type="hidden" name="delta" value="{delta}">'
        f'<button type="submit" aria-label="{esc(label)}">{sign}</button></form>'
    )
