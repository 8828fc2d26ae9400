/* Lemniscaat web chat: the student's privacy rights (bot/web/chat_privacy.py).
   Every destructive choice asks first. All text is inserted with textContent. */
(function () {
  "use strict";
  var box = document.getElementById("mijn-gegevens");
  if (!box) { return; }
  var post = window.Lemniscaat.postJson;  // post.js
  var status = document.getElementById("my-data-status");

  function say(text) { status.textContent = text; }

  function on(id, question, url, body, done) {
    var button = document.getElementById(id);
    if (!button) { return; }
    button.addEventListener("click", function () {
      if (question && !window.confirm(question)) { return; }
      button.disabled = true;
      post(url, body)
        .then(done)
        .catch(function (err) { say(err.message); })
        .then(function () { button.disabled = false; });
    });
  }

  function startOver(text) {
    say(text);
    window.setTimeout(function () { window.location.reload(); }, 1500);
  }

  on("forget-button",
     "Weet je het zeker? Alles wat je hier schreef wordt gewist, ook wat je coach kan zien. Dit kun je niet terugdraaien.",
     box.dataset.forgetUrl, { confirm: true },
     function () { startOver("Je gegevens zijn gewist. Je kunt opnieuw beginnen als je wilt."); });

  on("device-button",
     "Deze browser vergeet je nu. Je kunt dan hier niet verder met je gesprek. Doorgaan?",
     box.dataset.deviceUrl, {},
     function () { startOver("Deze browser is je vergeten."); });

  on("withdraw-button",
     "Je coach ziet je gedeelde gesprekken dan niet meer. Doorgaan?",
     box.dataset.withdrawUrl, {},
     function (data) {
       say(data.message);
     });

  on("share-button", null, box.dataset.shareUrl, {},
     function (data) {
       say(data.message);
     });
})();
