export { repairText, replaceRadicals, widenHalfwidthKana, dropControls, collapseDoubledGlyphs } from "./repair.js";
export { dropFakeBoldCopies, FAKE_BOLD_OFFSET } from "./fakeBold.js";
