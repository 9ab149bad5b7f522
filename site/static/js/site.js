// Click-to-play video: no request reaches the provider until the reader presses play.
function playerFrame(url, title) {
  const frame = document.createElement("iframe");
  frame.src = url;
  frame.title = title;
  frame.allow = "autoplay; fullscreen; picture-in-picture; encrypted-media";
  frame.allowFullscreen = true;
  frame.referrerPolicy = "strict-origin-when-cross-origin";
  return frame;
}

function playVideo(button, playerUrl = button.dataset.playerUrl) {
  const frame = playerFrame(playerUrl, button.dataset.playerTitle);
  button.closest("[data-video]").replaceChildren(frame);
  frame.focus();
}

// A chapter starts the player at its moment, or moves a playing one there (a new frame: Vimeo
// takes the moment from the address's #t=, which a frame already showing it would not reload).
// Without script, or without an embeddable recording, its link opens the recording there.
function playChapter(link) {
  const video = link.closest("section")?.querySelector("[data-video]");
  const button = video?.querySelector(".video__play[data-player-url]");
  const frame = video?.querySelector("iframe");
  const url = link.dataset.chapterPlayerUrl;
  if (button) playVideo(button, url);
  else if (frame) frame.replaceWith(playerFrame(url, frame.title));
  else return false;
  return true;
}

document.addEventListener("click", (event) => {
  const button = event.target.closest(".video__play[data-player-url]");
  if (button) playVideo(button);
  const chapter = event.target.closest("a[data-chapter-player-url]");
  if (chapter && playChapter(chapter)) event.preventDefault();
});
