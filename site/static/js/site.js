// Click-to-play video: no request reaches the provider until the reader presses play.
function playVideo(button, playerUrl = button.dataset.playerUrl) {
  const frame = document.createElement("iframe");
  frame.src = playerUrl;
  frame.title = button.dataset.playerTitle;
  frame.allow = "autoplay; fullscreen; picture-in-picture; encrypted-media";
  frame.allowFullscreen = true;
  frame.referrerPolicy = "strict-origin-when-cross-origin";
  const container = button.closest("[data-video]");
  container.replaceChildren(frame);
  frame.focus();
}

// A chapter starts the player at its moment, or moves a playing one there. Without script (or
// without an embeddable recording) its link opens the recording at that moment instead.
function playChapter(link) {
  const video = link.closest("section")?.querySelector("[data-video]");
  if (!video) return false;
  const button = video.querySelector(".video__play[data-player-url]");
  const frame = video.querySelector("iframe");
  if (button) playVideo(button, link.dataset.chapterPlayerUrl);
  else if (frame) frame.src = link.dataset.chapterPlayerUrl;
  else return false;
  return true;
}

document.addEventListener("click", (event) => {
  const button = event.target.closest(".video__play[data-player-url]");
  if (button) playVideo(button);
  const chapter = event.target.closest("a[data-chapter-player-url]");
  if (chapter && playChapter(chapter)) event.preventDefault();
});
