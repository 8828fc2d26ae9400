/* Lemniscaat web chat: sends the student's message, shows the bot's answers and buttons.
   All text is inserted with textContent, never as HTML. */
(function () {
  "use strict";
  var root = document.getElementById("chat");
  if (!root) { return; }
  var post = window.Lemniscaat.postJson;  // post.js
  var log = document.getElementById("log");
  var form = document.getElementById("chat-form");
  var input = document.getElementById("message");
  var sendButton = document.getElementById("send-button");
  var errorBox = document.getElementById("chat-error");
  var startPanel = document.getElementById("start-panel");
  var startButton = document.getElementById("start-button");
  var busy = false;
  var figure = document.getElementById("chat-lemniscate");
  var partCaption = document.getElementById("chat-part");
  var pollTimer = null;
  var POLL_MS = 15000;

  // Where am I: light the current part of the lemniscate and name it.
  function showPart(part, label) {
    if (!figure || !part) { return; }
    figure.hidden = false;
    figure.dataset.part = part;
    var shapes = figure.querySelectorAll("[data-part]");
    for (var i = 0; i < shapes.length; i++) {
      if (shapes[i] === figure) { continue; }
      var lit = shapes[i].getAttribute("data-part") === part;
      shapes[i].classList.toggle("reached", lit);
      shapes[i].classList.toggle("missing", !lit);
    }
    if (label) { partCaption.textContent = "Je bent nu bij: " + label; }
  }

  // A kept message is answered by the server's background job; ask for it now and then.
  function pollWhilePending(pending) {
    if (pollTimer) { clearTimeout(pollTimer); pollTimer = null; }
    if (!pending || !root.dataset.updatesUrl) { return; }
    pollTimer = setTimeout(function () {
      fetch(root.dataset.updatesUrl, { credentials: "same-origin", headers: { "Accept": "application/json" } })
        .then(function (response) { return response.ok ? response.json() : { pending: true }; })
        .then(function (data) {
          showAnswers(data.messages);
          showPart(data.part, data.part_label);
          pollWhilePending(data.pending);
        })
        .catch(function () { pollWhilePending(true); });
    }, POLL_MS);
  }

  function addBubble(who, text) {
    var item = document.createElement("div");
    item.className = "bubble " + (who === "student" ? "from-student" : "from-bot");
    var speaker = document.createElement("span");
    speaker.className = "visually-hidden";
    speaker.textContent = who === "student" ? "Jij: " : "Lemniscaat: ";
    var body = document.createElement("p");
    body.textContent = text;
    item.appendChild(speaker);
    item.appendChild(body);
    log.appendChild(item);
    log.scrollTop = log.scrollHeight;
    return item;
  }

  function disableOldButtons() {
    var old = log.querySelectorAll(".choices button");
    for (var i = 0; i < old.length; i++) { old[i].disabled = true; }
  }

  function addButtons(container, buttons) {
    var group = document.createElement("div");
    group.className = "choices";
    group.setAttribute("role", "group");
    group.setAttribute("aria-label", "Kies een antwoord");
    buttons.forEach(function (b) {
      var button = document.createElement("button");
      button.type = "button";
      button.className = "choice";
      button.textContent = b.title || b.payload;
      button.addEventListener("click", function () {
        send(b.payload || b.title, b.title || b.payload);
      });
      group.appendChild(button);
    });
    container.appendChild(group);
    var first = group.querySelector("button");
    if (first) { first.focus(); }
  }

  function showAnswers(messages) {
    (messages || []).forEach(function (m) {
      var bubble = addBubble("bot", m.text || "");
      if (m.buttons && m.buttons.length) { addButtons(bubble, m.buttons); }
    });
    log.scrollTop = log.scrollHeight;
  }

  function setBusy(state) {
    busy = state;
    sendButton.disabled = state;
    root.setAttribute("aria-busy", state ? "true" : "false");
  }

  function showError(text) {
    errorBox.textContent = text || "";
    errorBox.hidden = !text;
  }

  // Every message has an id: the server makes one turn of it, however often it arrives. A
  // message that got no answer (the connection broke, the balancer answered 502 or 504) is
  // sent once more with the same id; the same text sent again after a failure keeps its id.
  var lastFailed = null;

  function newMessageId() {
    var bytes = new Uint8Array(16);
    window.crypto.getRandomValues(bytes);
    return "web-" + Array.prototype.map.call(bytes, function (b) {
      return ("0" + b.toString(16)).slice(-2);
    }).join("");
  }

  function postOnce(body) {
    return post(root.dataset.sendUrl, body).catch(function (err) {
      if (err.status && err.status !== 502 && err.status !== 504) { throw err; }
      return new Promise(function (resolve) { setTimeout(resolve, 1000); })
        .then(function () { return post(root.dataset.sendUrl, body); });
    });
  }

  function send(message, shown) {
    if (busy) { return; }
    message = (message || "").trim();
    if (!message) { showError("Typ eerst een bericht."); return; }
    showError("");
    disableOldButtons();
    addBubble("student", shown || message);
    setBusy(true);
    var id = lastFailed && lastFailed.text === message ? lastFailed.id : newMessageId();
    lastFailed = null;
    postOnce({ message: message, message_id: id })
      .then(function (data) {
        showAnswers(data.messages);
        showPart(data.part, data.part_label);
        pollWhilePending(data.pending);
      })
      .catch(function (err) {
        lastFailed = { text: message, id: id };
        showError(err.message);
        // Nothing was kept: give the student their text back to send again.
        if (!input.value && !shown) { input.value = message; }
      })
      .then(function () {
        setBusy(false);
        if (!log.querySelector(".choices button:not([disabled])")) { input.focus(); }
      });
  }

  form.addEventListener("submit", function (event) {
    event.preventDefault();
    var text = input.value;
    input.value = "";
    send(text);
  });

  input.addEventListener("keydown", function (event) {
    if (event.key === "Enter" && !event.shiftKey) {
      event.preventDefault();
      form.requestSubmit ? form.requestSubmit() : form.dispatchEvent(new Event("submit"));
    }
  });

  if (startButton) {
    startButton.addEventListener("click", function () {
      startButton.disabled = true;
      post(root.dataset.startUrl, {})
        .then(function (data) {
          startPanel.hidden = true;
          form.hidden = false;
          log.hidden = false;
          root.dataset.accepted = "ja";
          input.focus();
          if (data.opening) { send(data.opening); }
        })
        .catch(function (err) {
          startButton.disabled = false;
          var p = document.createElement("p");
          p.className = "error";
          p.setAttribute("role", "alert");
          p.textContent = err.message;
          startPanel.appendChild(p);
        });
    });
  }
})();
