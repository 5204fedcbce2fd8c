/**
 * A 問い合わせ先 block → contacts. The block is read line by line:
 *
 * - a phone, an e-mail or an address closes what comes before it into a contact: the text
 *   before it (labels ℡, TEL, 専用回線 … taken off) is the organisation, or continues the
 *   organisation of lines above that had no number yet;
 * - a second phone on a line, a line after a complete contact, or a line that starts with
 *   a label of its own ((a)～(c), 助成金について) starts a new contact;
 * - もしくは / または between names (or after a phone) separates contacts;
 * - a bracketed note after a phone is its note (直通) or extension (内線2131); a bracketed
 *   time is its hours; a 受付時間 line gives the hours of every contact of the block;
 * - an audience (…向け) is a note; a contact with no organisation of its own (中小企業向け
 *   ℡ …) has the one above.
 *
 * Phones, e-mail and web addresses are found by kohyo's one fact scanner (src/facts/) and
 * read by parseContact (src/normalize/contact.ts).
 */
import { union } from "../layout/blocks.js";
import { scanFacts } from "../facts/index.js";
import { parseContact } from "../normalize/contact.js";
import type { Box } from "../model/page.js";
import { toHalfWidth } from "../normalize/width.js";
import { ALTERNATIVE, CONTACT, CONTACT_LEAD, HOURS, MAIL_LABEL, PHONE_LABEL, URL_LABEL } from "./patterns.js";
import type { ContactRecord } from "./types.js";

/**
 * The phones (with their area code), e-mail addresses and web addresses of a line, as
 * kohyo's one fact scanner (src/facts/) finds them: offsets into the line and the kind.
 */
const tokens = (text: string) =>
  scanFacts(text).filter((f) => (f.kind === "email" || f.kind === "url" || f.kind === "phone") && !f.problems.some((p) => p.rule === "contact/no-area-code"));
/** What may follow a phone on its line: (内線：2131), (直通), (受付時間：…). */
const AFTER_PHONE = /^\s*\(([^()]*(?:\([^()]*\)[^()]*)*)\)/;

interface Draft {
  org: string[];
  notes: string[];
  phone: string | null;
  extension: string | null;
  email: string | null;
  hours: string | null;
  url: string | null;
  boxes: Box[];
}

export function readContacts(lines: ReadonlyArray<{ text: string; box: Box }>, page: number): ContactRecord[] {
  const drafts: Draft[] = [];
  let blockHours: string | null = null;
  let cur: Draft | null = null;
  const start = (box: Box): Draft => {
    cur = { org: [], notes: [], phone: null, extension: null, email: null, hours: null, url: null, boxes: [box] };
    drafts.push(cur);
    return cur;
  };
  const complete = (d: Draft | null) => d !== null && (d.phone !== null || d.email !== null || d.url !== null);

  lines.forEach((line, i) => {
    let text = i === 0 ? line.text.replace(CONTACT, "") : line.text;
    text = text.trim();
    if (text === "") return;
    const hours = HOURS.exec(text);
    if (hours && hours.index === 0) {
      blockHours = hours[1]!.trim();
      return;
    }
    // Labels that open a contact of their own ((a)～(c), 労使協定について); a bullet (＊, ■) does
    // when the contact above is complete.
    let lead: RegExpExecArray | null;
    let opened = false;
    while ((lead = CONTACT_LEAD.exec(text))) {
      const label = lead[1]?.trim();
      if (!opened && (label || cur === null || complete(cur))) {
        start(line.box);
        opened = true;
      }
      if (label) cur!.notes.push(label);
      text = text.slice(lead[0].length).trim();
    }
    const folded = toHalfWidth(text, { dashes: false });
    let last = 0;
    for (const f of tokens(text)) {
      const m = { index: f.start, 0: folded.slice(f.start, f.end) };
      const before = text.slice(last, m.index).trim();
      const kind = f.kind;
      let end = f.end;
      const { org, note } = splitLabel(before, kind);
      let d: Draft | null = cur;
      const taken = d !== null && (kind === "phone" ? d.phone : kind === "email" ? d.email : d.url) !== null;
      if (d === null || taken || (complete(d) && org !== "" && !opened)) d = start(line.box);
      else d.boxes.push(line.box);
      if (org) d.org.push(org);
      if (note) d.notes.push(note);
      if (kind === "phone") {
        const after = AFTER_PHONE.exec(folded.slice(end));
        const parsed = parseContact(text.slice(m.index, end) + (after ? after[0] : "")).value?.phones[0];
        d.phone = parsed?.number ?? m[0];
        if (parsed?.extension) d.extension = parsed.extension;
        if (after) {
          const inner = text.slice(end, end + after[0].length).trim().replace(/^[(（]|[)）]$/g, "");
          const h = HOURS.exec(inner);
          if (h) d.hours = h[1]!.trim();
          else if (!/内線/.test(inner)) d.notes.push(inner);
          end += after[0].length;
        }
      } else if (kind === "email") d.email = m[0];
      else d.url = m[0];
      last = end;
      opened = false;
    }
    const rest = text.slice(last).replace(/^[、,\s]+/, "").trim();
    if (rest === "") return;
    // もしくは / または between names (or after a phone): each name is a contact of its own.
    const names = rest.split(new RegExp(ALTERNATIVE.source, "g")).map((x) => x.trim()).filter((x) => x !== "");
    const first = ALTERNATIVE.exec(rest)?.index === 0 ? undefined : names.shift();
    const open: Draft | null = cur;
    if (first !== undefined) {
      if (last > 0) open!.notes.push(first);
      else if (open === null || complete(open)) start(line.box).org.push(first);
      else {
        open.org.push(first);
        open.boxes.push(line.box);
      }
    }
    for (const name of names) start(line.box).org.push(name);
  });

  const out: ContactRecord[] = [];
  for (const d of drafts) {
    let org = tidy(d.org.join(" "));
    const notes = [...d.notes];
    // An audience is a note: 全企業／中堅企業向け; a 【name】 is the name.
    const audience = /(?:^|\s)(\S*向け)$/.exec(org);
    if (audience) {
      notes.push(audience[1]!);
      org = org.slice(0, audience.index).trim();
    }
    org = org.replace(/^【([^】]+)】$/, "$1");
    const inherited = org === "" && out.length > 0 ? out[out.length - 1]!.organisation : null;
    out.push({
      organisation: org !== "" ? org : inherited,
      phone: d.phone,
      extension: d.extension,
      note: notes.length > 0 ? notes.join(" ") : null,
      email: d.email,
      hours: d.hours ?? blockHours,
      url: d.url,
      page,
      box: d.boxes.reduce(union),
    });
  }
  return out;
}

/** The text before a phone or address → the organisation and the label's note (専用回線; ℡ and TEL are no note). */
function splitLabel(before: string, kind: string): { org: string; note: string | null } {
  const label = (kind === "phone" ? PHONE_LABEL : kind === "email" ? MAIL_LABEL : URL_LABEL).exec(before);
  let org = label ? before.slice(0, label.index).trim() : before;
  let note = label && label[1] && !/^(℡|TEL|Tel|tel|電話|電話番号|Phone)$/i.test(label[1]) ? label[1] : null;
  // A bracketed place or office before the number is a note: ＜仙台校＞.
  const bracket = /^(.*?)([＜<][^＞>]+[＞>])$/.exec(org);
  if (bracket) {
    org = bracket[1]!.trim();
    note = note ? `${bracket[2]} ${note}` : bracket[2]!;
  }
  return { org, note };
}

/** Spaces as one, none around ／ (労働局 ／ ハローワーク → 労働局／ハローワーク). */
const tidy = (s: string) => s.replace(/\s+/g, " ").replace(/\s*／\s*/g, "／").trim();
