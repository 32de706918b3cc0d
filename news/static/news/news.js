// Copy-link button: the link stays selectable in its field without JavaScript.
document.querySelectorAll("[data-copy-button]").forEach((button) => {
  const box = button.closest(".share__copy");
  const source = box.querySelector("[data-copy-source]");
  const status = box.querySelector("[data-copy-status]");
  if (!navigator.clipboard) return;
  button.hidden = false;
  button.addEventListener("click", async () => {
    try {
      await navigator.clipboard.writeText(source.value);
      status.textContent = button.dataset.copiedLabel;
    } catch (error) {
      source.select();
    }
  });
});
