/*
 * undersigned: the embeddable signing widget, a standard web component without a framework.
 *
 *   <script src="https://SERVICE/widget.js" defer></script>
 *   <undersigned-letter slug="un-china-human-rights" source="your-partner-id"></undersigned-letter>
 *
 * Attributes: slug (required), lang (default: the page's language, then English), source (your
 * partner id, if the coalition gave you one), api (default: where this script came from),
 * text="hidden" (leaves out the disclosure with the letter's text, for a page that shows it).
 * Style it from the host page with CSS custom properties: --undersigned-font, --undersigned-text,
 * --undersigned-background, --undersigned-accent, --undersigned-accent-text, --undersigned-error,
 * --undersigned-border, --undersigned-radius.
 */
(() => {
  "use strict";
  const SCRIPT_ORIGIN = document.currentScript ? new URL(document.currentScript.src).origin : "";
  const TEXTS = {
    en: {
      count: (n) => `${n} signatures`,
      title: "Sign this letter",
      read: "Read the letter",
      kind: "Signing as",
      ORGANISATION: "an organisation",
      INDIVIDUAL: "an individual",
      name: "Name to publish",
      country: "Country, two-letter code (optional)",
      website: "Website (optional)",
      contactName: "Contact person (never published)",
      contactEmail: "Contact e-mail (never published)",
      anonymous: "Count our signature without publishing our name",
      consent: "We agree to the publication of this signature",
      submit: "Sign",
      sending: "Sending…",
      done: "Thank you. Check your e-mail: the signature counts once the address is confirmed.",
      failed: "The signature could not be sent. Please try again.",
      invalid: (n) => `${n} ${n > 1 ? "fields need" : "field needs"} attention.`,
      logChecked: (n) => `Public log checked: its signed head (${n} entries) verifies with the letter's key.`,
      logUnchecked: "This browser cannot check the public log's signature.",
      logBad: "The public log's signature does not verify: do not trust this count.",
    },
    fr: {
      count: (n) => `${n} signatures`,
      title: "Signer cette lettre",
      read: "Lire la lettre",
      kind: "Signer en tant que",
      ORGANISATION: "organisation",
      INDIVIDUAL: "personne",
      name: "Nom à publier",
      country: "Pays, code à deux lettres (facultatif)",
      website: "Site web (facultatif)",
      contactName: "Personne à contacter (jamais publiée)",
      contactEmail: "E-mail de contact (jamais publié)",
      anonymous: "Compter notre signature sans publier notre nom",
      consent: "Nous acceptons la publication de cette signature",
      submit: "Signer",
      sending: "Envoi…",
      done: "Merci. Consultez vos e-mails : la signature compte une fois l’adresse confirmée.",
      failed: "La signature n’a pas pu être envoyée. Veuillez réessayer.",
      invalid: (n) => `${n} ${n > 1 ? "champs demandent" : "champ demande"} votre attention.`,
      logChecked: (n) => `Journal public vérifié : sa tête signée (${n} entrées) est authentifiée par la clé de la lettre.`,
      logUnchecked: "Ce navigateur ne peut pas vérifier la signature du journal public.",
      logBad: "La signature du journal public n’est pas authentique : ne vous fiez pas à ce compte.",
    },
  };
  const FIELDS = ["name", "country", "website", "contactName", "contactEmail"];
  const STYLE = `
    :host { display: block; font-family: var(--undersigned-font, inherit); color: var(--undersigned-text, inherit);
      background: var(--undersigned-background, transparent); }
    .box { border: 1px solid var(--undersigned-border, #c8c8c8); border-radius: var(--undersigned-radius, 6px); padding: 1em; }
    h2 { margin: 0 0 .25em; font-size: 1.2em; }
    .count { font-weight: bold; margin: 0 0 1em; }
    label { display: block; margin: .6em 0 .2em; }
    input[type=text], input[type=email], input[type=url], select { width: 100%; box-sizing: border-box; padding: .4em;
      font: inherit; border: 1px solid var(--undersigned-border, #8a8a8a); border-radius: var(--undersigned-radius, 6px); }
    .check { display: flex; gap: .5em; align-items: flex-start; margin: .6em 0; }
    .check label { margin: 0; }
    [aria-invalid=true] { border-color: var(--undersigned-error, #b00020); }
    .error { color: var(--undersigned-error, #b00020); margin: .2em 0 0; font-size: .9em; }
    .error:empty { display: none; }
    button { margin-top: 1em; padding: .5em 1.5em; font: inherit; cursor: pointer; border: 0;
      background: var(--undersigned-accent, #1a4d8f); color: var(--undersigned-accent-text, #fff);
      border-radius: var(--undersigned-radius, 6px); }
    button:focus-visible, input:focus-visible, select:focus-visible { outline: 3px solid var(--undersigned-accent, #1a4d8f); outline-offset: 2px; }
    .status { margin: .8em 0 0; }
    .log { margin: 0 0 1em; font-size: .9em; }
    .log:empty { display: none; }
    details.text { margin: 0 0 1em; }
    details.text summary { cursor: pointer; color: var(--undersigned-accent, #1a4d8f); }
    details.text summary:focus-visible, details.text .letter:focus-visible { outline: 3px solid var(--undersigned-accent, #1a4d8f); outline-offset: 2px; }
    details.text .letter { margin-top: .5em; max-height: 24em; overflow: auto; padding-right: .5em; }
    details.text .letter p { margin: 0 0 .75em; }
    details.text .recipients { font-style: italic; white-space: pre-line; }`;

  class UndersignedLetter extends HTMLElement {
    connectedCallback() {
      if (this.shadowRoot) return;
      this.lang = this.pickLanguage();
      this.t = TEXTS[this.lang];
      this.api = (this.getAttribute("api") || SCRIPT_ORIGIN).replace(/\/$/, "");
      this.slug = encodeURIComponent(this.getAttribute("slug") || "");
      this.render();
      this.load();
      this.timer = setInterval(() => this.refreshCount(), 30000);
    }

    disconnectedCallback() {
      clearInterval(this.timer);
    }

    pickLanguage() {
      const wanted = (this.getAttribute("lang") || document.documentElement.lang || navigator.language || "en")
        .toLowerCase().split("-")[0];
      return TEXTS[wanted] ? wanted : "en";
    }

    el(tag, attributes = {}, text) {
      const node = document.createElement(tag);
      for (const [k, v] of Object.entries(attributes)) node.setAttribute(k, v);
      if (text !== undefined) node.textContent = text;
      return node;
    }

    render() {
      const t = this.t;
      const root = this.attachShadow({ mode: "open" });
      root.append(this.el("style", {}, STYLE));
      const box = this.el("section", { class: "box", "aria-labelledby": "title", lang: this.lang });
      this.heading = this.el("h2", { id: "title" }, t.title);
      this.count = this.el("p", { class: "count", "aria-live": "polite" });
      this.logStatus = this.el("p", { class: "log", "aria-live": "polite" });
      const form = this.el("form", { novalidate: "" });
      const kind = this.el("select", { id: "kind", name: "kind" });
      for (const k of ["ORGANISATION", "INDIVIDUAL"]) kind.append(this.el("option", { value: k }, t[k]));
      form.append(this.el("label", { for: "kind" }, t.kind), kind);
      const types = { country: "text", website: "url", contactEmail: "email" };
      const autocomplete = { name: "organization", website: "url", contactName: "name", contactEmail: "email", country: "country" };
      for (const f of FIELDS) {
        const input = this.el("input", { id: f, name: f, type: types[f] || "text", autocomplete: autocomplete[f],
          "aria-describedby": `${f}-error` });
        if (f === "country") { input.setAttribute("maxlength", "2"); input.setAttribute("size", "2"); }
        form.append(this.el("label", { for: f }, t[f]), input, this.el("p", { id: `${f}-error`, class: "error" }));
      }
      for (const f of ["anonymous", "consent"]) {
        const row = this.el("div", { class: "check" });
        row.append(this.el("input", { id: f, name: f, type: "checkbox", "aria-describedby": `${f}-error` }),
          this.el("label", { for: f }, t[f]));
        form.append(row, this.el("p", { id: `${f}-error`, class: "error" }));
      }
      this.button = this.el("button", { type: "submit" }, t.submit);
      this.status = this.el("p", { class: "status", role: "status", "aria-live": "polite" });
      form.append(this.button, this.status);
      form.addEventListener("submit", (event) => { event.preventDefault(); this.submit(form); });
      box.append(this.heading, this.count, this.logStatus);
      if (this.getAttribute("text") !== "hidden") {
        // The letter itself, before the button that signs it: folded, one click away.
        this.text = this.el("details", { class: "text" });
        // Scrolled within the box: focusable, so that a keyboard scrolls it too (WCAG 2.1.1).
        this.text.append(this.el("summary", {}, t.read),
          this.el("div", { class: "letter", tabindex: "0", role: "region", "aria-label": t.read }));
        this.text.hidden = true;
        box.append(this.text);
      }
      box.append(form);
      root.append(box);
      this.form = form;
    }

    headers() {
      return { Accept: "application/json, application/problem+json", "Accept-Language": this.lang };
    }

    async load() {
      try {
        const response = await fetch(`${this.api}/api/v1/letters/${this.slug}?lang=${this.lang}`, { headers: this.headers() });
        if (!response.ok) return;
        const letter = await response.json();
        this.heading.textContent = letter.title.replace(/\s*:\s*$/, "");
        this.showText(letter);
        this.showCount(letter.counts);
        if (letter.log) this.checkLog(letter.log);
      } catch (e) {
        /* The form still works without the title and the count. */
      }
    }

    /** The letter's text in the disclosure, as text (never as markup), in the letter's language. */
    showText(letter) {
      if (!this.text) return;
      const body = this.text.querySelector(".letter");
      body.setAttribute("lang", letter.language);
      body.append(this.el("p", { class: "recipients" }, letter.recipients.join("\n")));
      for (const paragraph of letter.paragraphs) body.append(this.el("p", {}, paragraph));
      body.append(this.el("p", { class: "closing" }, letter.closing));
      this.text.hidden = false;
    }

    /**
     * Checks the letter's public log in the browser: fetches its checkpoint (C2SP tlog-checkpoint)
     * and verifies its signature (C2SP signed-note, Ed25519, WebCrypto) with the key the letter
     * names, then says so; and says so when it cannot (a browser without Ed25519) or when the
     * signature does not verify.
     */
    async checkLog(log) {
      const t = this.t;
      try {
        const response = await fetch(`${log.url}checkpoint`, { headers: { Accept: "text/plain" } });
        if (!response.ok) return;
        const note = await response.text();
        const split = note.lastIndexOf("\n\n");
        const body = note.slice(0, split + 1);
        const lines = body.split("\n");
        // name+hash+base64: the base64 may hold "+" too.
        const [name, hash, ...rest] = log.key.split("+");
        const keyBase64 = rest.join("+");
        const key = Uint8Array.from(atob(keyBase64), (c) => c.charCodeAt(0));
        // The line of this key (its name and hash): during a key rotation a checkpoint carries
        // two signatures, often under one name.
        const hexOf = (bytes) => Array.from(bytes.slice(0, 4), (b) => b.toString(16).padStart(2, "0")).join("");
        const signature = note.slice(split + 2).split("\n")
          .filter((l) => l.startsWith(`\u2014 ${name} `))
          .map((l) => Uint8Array.from(atob(l.split(" ")[2]), (c) => c.charCodeAt(0)))
          .find((s) => hexOf(s) === hash) || new Uint8Array();
        const hex = hexOf(signature);
        let publicKey;
        try {
          publicKey = await crypto.subtle.importKey("raw", key.slice(1), { name: "Ed25519" }, false, ["verify"]);
        } catch (e) {
          this.logStatus.textContent = t.logUnchecked;
          return;
        }
        const verified = key[0] === 1 && signature.length === 68 && hex === hash && lines[0] === log.origin
          && await crypto.subtle.verify({ name: "Ed25519" }, publicKey, signature.slice(4), new TextEncoder().encode(body));
        this.logStatus.textContent = verified
          ? t.logChecked(new Intl.NumberFormat(this.lang).format(Number(lines[1])))
          : t.logBad;
      } catch (e) {
        this.logStatus.textContent = t.logUnchecked;
      }
    }

    async refreshCount() {
      try {
        const response = await fetch(`${this.api}/api/v1/letters/${this.slug}/counts`, { headers: this.headers() });
        if (response.ok) this.showCount(await response.json());
      } catch (e) {
        /* The next refresh tries again. */
      }
    }

    showCount(counts) {
      if (counts) this.count.textContent = this.t.count(new Intl.NumberFormat(this.lang).format(counts.total));
    }

    clearErrors() {
      for (const node of this.form.querySelectorAll(".error")) node.textContent = "";
      for (const node of this.form.querySelectorAll("[aria-invalid]")) node.removeAttribute("aria-invalid");
    }

    async submit(form) {
      const t = this.t;
      const value = (name) => form.elements[name].value.trim();
      const body = {
        kind: form.elements.kind.value,
        name: value("name"),
        contactName: value("contactName"),
        contactEmail: value("contactEmail"),
        anonymous: form.elements.anonymous.checked,
        consent: form.elements.consent.checked,
        language: this.lang,
      };
      if (value("country")) body.country = value("country").toUpperCase();
      if (value("website")) body.website = value("website");
      if (this.getAttribute("source")) body.source = this.getAttribute("source");
      this.clearErrors();
      this.button.disabled = true;
      this.status.textContent = t.sending;
      try {
        const response = await fetch(`${this.api}/api/v1/letters/${this.slug}/endorsements`, {
          method: "POST",
          headers: { ...this.headers(), "Content-Type": "application/json",
            "Idempotency-Key": this.idempotencyKey(body) },
          body: JSON.stringify(body),
        });
        if (response.status === 202) {
          form.reset();
          this.key = null;
          this.status.textContent = t.done;
          return;
        }
        const problem = await response.json().catch(() => ({}));
        const errors = Array.isArray(problem.errors) ? problem.errors : [];
        let first = null;
        for (const error of errors) {
          const input = form.elements[error.field];
          const slot = this.shadowRoot.getElementById(`${error.field}-error`);
          if (input && slot) {
            input.setAttribute("aria-invalid", "true");
            slot.textContent = error.message;
            first = first || input;
          }
        }
        this.status.textContent = errors.length ? t.invalid(errors.length) : (problem.title || t.failed);
        if (first) first.focus();
      } catch (e) {
        this.status.textContent = t.failed;
      } finally {
        this.button.disabled = false;
      }
    }

    /** One key per distinct submission, so a retried click is never a second signature. */
    idempotencyKey(body) {
      const fingerprint = JSON.stringify(body);
      if (!this.key || this.fingerprint !== fingerprint) {
        this.fingerprint = fingerprint;
        this.key = crypto.randomUUID ? crypto.randomUUID() : `${Date.now()}-${Math.random().toString(36).slice(2)}`;
      }
      return this.key;
    }
  }

  if (!customElements.get("undersigned-letter")) customElements.define("undersigned-letter", UndersignedLetter);
})();
