/* Lemniscaat practice mode: posts the trainee's line as JSON and shows the simulated student's
   reply without a page reload. Without this script the form posts normally.
   All text is inserted with textContent, never as HTML. */
(function () {
  "use strict";
  var root = document.getElementById("practice");
  if (!root || !window.fetch || !window.Lemniscaat) { return; }
  var log = document.getElementById("log");
  var form = document.getElementById("practice-form");
  var input = document.getElementById("message");
  var sendButton = document.getElementById("send-button");
  var errorBox = document.getElementById("chat-error");
  var turnCount = document.getElementById("turn-count");
  var studentName = root.dataset.student || "Student";
  var busy = false;

  function addBubble(mine, text) {
    var hint = document.getElementById("log-hint");
    if (hint) { hint.remove(); }
    var item = document.createElement("div");
    item.className = "bubble " + (mine ? "from-student" : "from-bot");
    var speaker = document.createElement("span");
    speaker.className = "visually-hidden";
    speaker.textContent = mine ? "Jij: " : studentName + ": ";
    var body = document.createElement("p");
    body.textContent = text;
    item.appendChild(speaker);
    item.appendChild(body);
    log.appendChild(item);
    form.scrollIntoView({ block: "nearest" });
    return item;
  }

  function showError(text) {
    errorBox.textContent = text || "";
    errorBox.hidden = !text;
  }

  function setBusy(state) {
    busy = state;
    sendButton.disabled = state;
    root.setAttribute("aria-busy", state ? "true" : "false");
  }

  function send(text) {
    if (busy) { return; }
    text = (text || "").trim();
    if (!text) { showError("Typ eerst wat je tegen de student zegt."); return; }
    showError("");
    var mine = addBubble(true, text);
    input.value = "";
    setBusy(true);
    window.Lemniscaat.postJson(root.dataset.sendUrl, { message: text }).then(function (data) {
      addBubble(false, data.reply || "");
      turnCount.textContent = String(parseInt(turnCount.textContent, 10) + 1);
    }).catch(function (err) {
      mine.remove();
      input.value = text;
      showError(err.message);
    }).then(function () {
      setBusy(false);
      input.focus();
    });
  }

  form.addEventListener("submit", function (event) {
    event.preventDefault();
    send(input.value);
  });

  input.addEventListener("keydown", function (event) {
    if (event.key === "Enter" && !event.shiftKey) {
      event.preventDefault();
      send(input.value);
    }
  });

})();
