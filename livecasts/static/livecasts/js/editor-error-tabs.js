// When an autosave fails validation, ask the server which tabs hold the errors and say so
// (livecasts/editing/error_tabs.py).
const script = document.currentScript;

document.addEventListener("w-autosave:error", async (event) => {
  const form = event.target;
  const pageId = form.action && new URL(form.action).pathname.match(/\/pages\/(\d+)\/edit\//);
  if (event.detail?.type !== "validation_error" || !pageId) return;
  const url = script.dataset.url.replace("/0/", `/${pageId[1]}/`);
  const csrf = form.querySelector("[name=csrfmiddlewaretoken]")?.value;
  const response = await fetch(url, {
    method: "POST",
    body: new FormData(form),
    headers: { "X-CSRFToken": csrf },
  });
  if (!response.ok) return;
  const { message } = await response.json();
  if (message) {
    document.dispatchEvent(
      new CustomEvent("w-messages:add", { detail: { clear: true, text: message, type: "error" } }),
    );
  }
});
