/* Pingping, the Q&A assistant widget. Plain JS, no build step.
 * Keyboard: the toggle and every control are buttons/inputs; Escape closes the panel.
 * Screen readers: new messages go into a role="log" aria-live region.
 * Voice: SpeechRecognition and speechSynthesis are used only where the browser has them. */
(function () {
  "use strict";
  var root = document.querySelector(".qa-widget");
  if (!root) return;
  var T = JSON.parse(document.getElementById("qa-strings").textContent);
  var api = root.getAttribute("data-api");
  var lang = (root.getAttribute("data-lang") || "zh-hans").indexOf("zh") === 0 ? "zh-CN" : "en-US";
  var toggle = root.querySelector(".qa-toggle");
  var panel = root.querySelector(".qa-panel");
  var closeBtn = root.querySelector(".qa-close");
  var log = root.querySelector(".qa-log");
  var form = root.querySelector(".qa-form");
  var input = root.querySelector("#qa-input");
  var mic = root.querySelector(".qa-mic");
  var speakBox = root.querySelector(".qa-speak");
  var speakToggle = speakBox.querySelector("input");
  var busy = false;

  function open() {
    panel.hidden = false;
    toggle.setAttribute("aria-expanded", "true");
    root.classList.add("is-open");
    input.focus();
  }
  function close() {
    panel.hidden = true;
    toggle.setAttribute("aria-expanded", "false");
    root.classList.remove("is-open");
    toggle.focus();
  }
  toggle.addEventListener("click", function () { panel.hidden ? open() : close(); });
  closeBtn.addEventListener("click", close);
  root.addEventListener("keydown", function (e) { if (e.key === "Escape" && !panel.hidden) close(); });
  if (root.getAttribute("data-open") === "true") { panel.hidden = false; toggle.setAttribute("aria-expanded", "true"); root.classList.add("is-open"); }

  function el(tag, attrs, text) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) { node.setAttribute(k, attrs[k]); });
    if (text) node.textContent = text;
    return node;
  }
  function add(node) { log.appendChild(node); log.scrollTop = log.scrollHeight; return node; }
  function say(text) {
    if (!speakToggle.checked || !("speechSynthesis" in window) || !text) return;
    window.speechSynthesis.cancel();
    var u = new SpeechSynthesisUtterance(text.slice(0, 400));
    u.lang = lang;
    window.speechSynthesis.speak(u);
  }

  function post(path, body) {
    return fetch(api + path, {
      method: "POST", headers: { "Content-Type": "application/json", "Accept": "application/json" },
      body: JSON.stringify(body), credentials: "same-origin"
    }).then(function (r) { return r.json().then(function (data) { return { status: r.status, data: data }; }); });
  }
  function get(path) {
    return fetch(api + path, { headers: { "Accept": "application/json" } })
      .then(function (r) { return r.json().then(function (data) { return { status: r.status, data: data }; }); });
  }

  function renderSources(box, sources) {
    if (!sources || !sources.length) return;
    var wrap = el("div", { "class": "qa-sources" });
    wrap.appendChild(el("p", { "class": "qa-label" }, T.sources));
    var list = el("ul");
    sources.forEach(function (s) {
      var li = el("li");
      if (s.url) { li.appendChild(el("a", { href: s.url }, s.title)); } else { li.textContent = s.title; }
      list.appendChild(li);
    });
    wrap.appendChild(list);
    box.appendChild(wrap);
  }
  function renderContact(box, data) {
    if (!data.contact && !data.consultation_url) return;
    var wrap = el("div", { "class": "qa-contact" });
    wrap.appendChild(el("p", { "class": "qa-label" }, T.contact));
    if (data.contact) {
      var c = data.contact;
      wrap.appendChild(el("p", {}, c.unit));
      if (c.telephone) {
        var p = el("p", {}, T.phone + "：");
        p.appendChild(el("a", { href: "tel:" + c.telephone.replace(/[^\d+-]/g, "") }, c.telephone));
        wrap.appendChild(p);
      }
      if (c.office_hours) wrap.appendChild(el("p", {}, T.hours + "：" + c.office_hours));
      if (c.address) wrap.appendChild(el("p", {}, T.address + "：" + c.address));
    }
    if (data.consultation_url) wrap.appendChild(el("a", { href: data.consultation_url, "class": "qa-consult" }, T.consult));
    box.appendChild(wrap);
  }
  function renderFeedback(box, logId) {
    if (!logId) return;
    var wrap = el("div", { "class": "qa-rate", role: "group", "aria-label": T.rate });
    [[true, T.helpful], [false, T.notHelpful]].forEach(function (pair) {
      var b = el("button", { type: "button", "class": "qa-rate-btn" }, pair[1]);
      b.addEventListener("click", function () {
        post("feedback", { log_id: logId, helpful: pair[0] }).then(function () {
          wrap.textContent = T.thanks;
        }).catch(function () { wrap.textContent = T.error; });
      });
      wrap.appendChild(b);
    });
    box.appendChild(wrap);
  }

  function renderResult(data, logId) {
    var box = el("div", { "class": "qa-msg qa-bot qa-" + (data.band || "none") });
    box.appendChild(el("span", { "class": "visually-hidden" }, T.bot + "："));
    if (data.band === "answer") {
      if (data.question) box.appendChild(el("p", { "class": "qa-question" }, data.question));
      var body = el("div", { "class": "qa-answer" });
      body.innerHTML = data.answer_html;  // sanitised on the server (richtext.clean_answer)
      box.appendChild(body);
      renderSources(box, data.sources);
      renderFeedback(box, logId || data.log_id);
      say(data.answer_text);
    } else if (data.band === "suggest") {
      box.appendChild(el("p", {}, data.message));
      var list = el("ul", { "class": "qa-choices", "aria-label": T.didYouMean });
      (data.alternatives || []).forEach(function (alt) {
        var li = el("li");
        var b = el("button", { type: "button", "class": "qa-choice" }, alt.question);
        b.addEventListener("click", function () { choose(alt, data.log_id); });
        li.appendChild(b);
        list.appendChild(li);
      });
      box.appendChild(list);
      renderContact(box, data);
      say(data.message);
    } else {
      box.appendChild(el("p", {}, data.message || T.error));
      renderContact(box, data);
      renderFeedback(box, data.log_id);
      say(data.message);
    }
    add(box);
  }

  function choose(alt, logId) {
    add(el("div", { "class": "qa-msg qa-user" }, alt.question));
    get("entries/" + encodeURIComponent(alt.answer_id)).then(function (r) {
      if (r.status === 200) renderResult(r.data, logId); else renderResult({ band: "none", message: r.data.message });
    }).catch(function () { renderResult({ band: "none", message: T.error }); });
  }

  function ask(question) {
    question = (question || "").trim();
    if (!question) { input.setAttribute("aria-invalid", "true"); add(el("div", { "class": "qa-msg qa-bot" }, T.empty)); return; }
    if (busy) return;
    busy = true;
    input.removeAttribute("aria-invalid");
    add(el("div", { "class": "qa-msg qa-user" }, question));
    var pending = add(el("div", { "class": "qa-msg qa-bot qa-pending" }, T.thinking));
    post("ask", { question: question, channel: "widget" }).then(function (r) {
      pending.remove();
      if (r.status === 200) renderResult(r.data);
      else renderResult({ band: "none", message: (r.data && r.data.message) || T.error });
    }).catch(function () {
      pending.remove();
      renderResult({ band: "none", message: T.error });
    }).then(function () { busy = false; });
  }

  form.addEventListener("submit", function (e) {
    e.preventDefault();
    var q = input.value;
    input.value = "";
    ask(q);
  });

  // Voice input, only where the browser has speech recognition.
  var Recognition = window.SpeechRecognition || window.webkitSpeechRecognition;
  if (Recognition) {
    mic.hidden = false;
    var rec = new Recognition();
    rec.lang = lang;
    rec.interimResults = false;
    rec.maxAlternatives = 1;
    rec.onresult = function (e) { var text = e.results[0][0].transcript; input.value = text; ask(text); input.value = ""; };
    rec.onerror = function () { add(el("div", { "class": "qa-msg qa-bot" }, T.voiceFailed)); };
    rec.onend = function () { mic.setAttribute("aria-pressed", "false"); root.classList.remove("is-listening"); };
    mic.addEventListener("click", function () {
      if (mic.getAttribute("aria-pressed") === "true") { rec.stop(); return; }
      mic.setAttribute("aria-pressed", "true");
      root.classList.add("is-listening");
      add(el("div", { "class": "qa-msg qa-bot" }, T.listening));
      try { rec.start(); } catch (err) { mic.setAttribute("aria-pressed", "false"); }
    });
  }
  // Spoken answers, only where the browser can speak.
  if ("speechSynthesis" in window) speakBox.hidden = false;
})();
