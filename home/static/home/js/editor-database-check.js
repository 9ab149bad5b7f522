// Before Wagtail's editor sends its form, ask the server whether the database answers
// (/admin/database-check/, no sign-in needed). While it does not, the form is not sent: the page
// stays as it is, with everything typed, and Wagtail's message area says why. When Wagtail's
// autosave fails for the same reason, the same message is shown.
(() => {
  const script = document.currentScript;
  const checkUrl = script.dataset.checkUrl;
  const message = script.dataset.unavailableMessage;
  let resending = false; // the form is being sent again, now that the database answered
  let shown = false;

  const databaseAnswers = async () => {
    try {
      const response = await fetch(checkUrl, { cache: "no-store", credentials: "same-origin" });
      const answer = await response.json(); // read to the end, or leaving the page aborts it
      return response.ok && answer.database === "ok";
    } catch {
      return false; // no answer at all: sending the form would lose it just the same
    }
  };

  const showMessage = () => {
    shown = true;
    document.dispatchEvent(
      new CustomEvent("w-messages:add", { detail: { clear: true, text: message, type: "error" } }),
    );
  };

  // Wagtail's buttons show "Saving…" and disable themselves on click (w-progress).
  const resetButtons = (form) => {
    for (const button of form.querySelectorAll('[data-w-progress-loading-value="true"]')) {
      button.setAttribute("data-w-progress-loading-value", "false");
    }
  };

  const beforeSubmit = async (event) => {
    const form = event.target;
    if (!form.matches("form[data-edit-form]")) return;
    if (resending) {
      resending = false; // requestSubmit dispatches its submit event synchronously
      return;
    }
    event.preventDefault();
    event.stopImmediatePropagation();
    const submitter = event.submitter;
    if (!(await databaseAnswers())) {
      resetButtons(form);
      showMessage();
      return;
    }
    // A disabled button is left out of the form data, and with it the action it stands for.
    if (submitter) submitter.disabled = false;
    resending = true;
    form.requestSubmit(submitter || null);
  };

  document.addEventListener("submit", beforeSubmit, true);
  document.addEventListener("w-autosave:error", (event) => {
    if (event.detail?.response?.error_code === "database_unavailable") showMessage();
  });
  document.addEventListener("w-autosave:success", () => {
    if (shown) document.dispatchEvent(new CustomEvent("w-messages:clear"));
    shown = false;
  });
})();
