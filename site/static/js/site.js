// Click-to-play video: no request reaches the provider until the reader presses play.
function playVideo(button) {
  const frame = document.createElement("iframe");
  frame.src = button.dataset.playerUrl;
  frame.title = button.dataset.playerTitle;
  frame.allow = "autoplay; fullscreen; picture-in-picture; encrypted-media";
  frame.allowFullscreen = true;
  frame.referrerPolicy = "strict-origin-when-cross-origin";
  const container = button.closest("[data-video]");
  container.replaceChildren(frame);
  frame.focus();
}

document.addEventListener("click", (event) => {
  const button = event.target.closest(".video__play[data-player-url]");
  if (button) playVideo(button);
});
