export { repairText, replaceRadicals, widenHalfwidthKana, dropControls, emWidth } from "./repair.js";
export { dropFakeBoldCopies, FAKE_BOLD_OFFSET } from "./fakeBold.js";
