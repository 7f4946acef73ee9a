// "Near me" on the activity list: a progressive enhancement. Without it the
// villages still work; with it the phone's position fills the form's hidden
// "near" field (rounded to about 100 m: the address travels in the URL).
(function () {
  var button = document.querySelector("[data-near-me]");
  if (!button || !navigator.geolocation) return;
  var form = button.form;
  button.hidden = false;
  button.addEventListener("click", function () {
    button.disabled = true;
    navigator.geolocation.getCurrentPosition(
      function (position) {
        form.elements.near.value =
          position.coords.latitude.toFixed(3) + "," + position.coords.longitude.toFixed(3);
        form.elements.place.value = "near";
        form.submit();
      },
      function () {
        button.disabled = false;
      },
      { enableHighAccuracy: false, timeout: 15000, maximumAge: 600000 }
    );
  });
})();
