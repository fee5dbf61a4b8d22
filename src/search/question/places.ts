// China's places by administrative division, from the division list `@vant/area-data` ships (GB/T 2260
// codes): provinces and prefectures by the short names people write (浙江, 衡水, 延边), counties and
// districts by their full names (阜城县, 海淀区). A question names one; a passage that names another,
// and not one inside it, is about somewhere else (`../answer/compose-answer.ts`).
import { areaList } from '@vant/area-data';

/** A place and where it sits: the leading digits of its division code that every place inside it shares. */
export interface Place {
  name: string;
  prefixes: string[];
}

/** 浙江省 → 浙江, 广西壮族自治区 → 广西, 香港特别行政区 → 香港. */
const PROVINCE_SUFFIX = /(?:省|市|特别行政区|壮族自治区|回族自治区|维吾尔自治区|自治区)$/;

/** 衡水市 → 衡水, 阿克苏地区 → 阿克苏, 兴安盟 → 兴安, 延边朝鲜族自治州 → 延边, 南投县 → 南投. */
const PREFECTURE_SUFFIX = /(?:(?:朝鲜|土家|苗|侗|藏|羌|彝|布依|哈尼|壮|傣|白|景颇|傈僳|回|蒙古|柯尔克孜|哈萨克)族?)*自治州$|(?:市|地区|盟|县)$/;

/**
 * Prefectures whose short name is also an everyday word or another name, far more often than the place
 * in what people ask and write: 中山 (孙中山, 中山路), 朝阳 (the rising sun), 大同 (大同社会), 长治 (长治久安),
 * 安康, 北海, 阿里 (Alibaba), 白银 (silver), 来宾 (guests), 普洱 (the tea), 玉树, 红河, 文山, 海西
 * (海峡西岸), 山南, 和田 (a surname), 离岛 (any outlying island); and rows that are no place.
 */
const NOT_A_PLACE = new Set('中山 朝阳 大同 长治 安康 北海 阿里 白银 来宾 普洱 玉树 红河 文山 海西 山南 和田 离岛 省直辖县 自治区直辖县级行政区划'.split(' '));

/**
 * Counties and districts are matched by full name only, and only with a stem of two characters at
 * least: a short name (海淀, 新华) is too often a word, and a one-character stem (景县, 新县, 和县) sits
 * inside other words (新县城, 平和县). Development zones and the districts every city has (城区, 市中区,
 * 高新区) name no one place.
 */
const COUNTY = /^[\u4e00-\u9fff]{2,}(?:县|区|市|旗)$/;
const GENERIC_COUNTY = /(?:开发区|高新区|新区|园区|其它区|市中区|城区|郊区|矿区)$/;

function buildPlaces(): Map<string, Place> {
  const places = new Map<string, Place>();
  const add = (name: string, prefix: string) => {
    if (name.length < 2 || NOT_A_PLACE.has(name)) return;
    const place = places.get(name) ?? { name, prefixes: [] };
    if (!place.prefixes.includes(prefix)) place.prefixes.push(prefix);
    places.set(name, place);
  };
  for (const [code, name] of Object.entries(areaList.province_list)) add(name.replace(PROVINCE_SUFFIX, ''), code.slice(0, 2));
  for (const [code, name] of Object.entries(areaList.city_list)) add(name.replace(PREFECTURE_SUFFIX, ''), code.slice(0, 4));
  for (const [code, name] of Object.entries(areaList.county_list)) if (COUNTY.test(name) && !GENERIC_COUNTY.test(name)) add(name, code);
  return places;
}

const PLACES = buildPlaces();

/** The places by their first character, for one pass over a text. */
const BY_FIRST_CHARACTER = (() => {
  const index = new Map<string, Place[]>();
  for (const place of PLACES.values()) {
    const list = index.get(place.name[0]) ?? [];
    list.push(place);
    index.set(place.name[0], list);
  }
  return index;
})();

/** Where a text names a place. */
export interface PlaceMention {
  place: Place;
  start: number;
  end: number;
}

/** Every place name in a text, where it stands. */
export function placeMentions(text: string): PlaceMention[] {
  const found: PlaceMention[] = [];
  for (let i = 0; i < text.length; i++) {
    for (const place of BY_FIRST_CHARACTER.get(text[i]) ?? []) if (text.startsWith(place.name, i)) found.push({ place, start: i, end: i + place.name.length });
  }
  return found;
}

/** The places a text names, each once. */
export const placesIn = (text: string): Place[] => [...new Set(placeMentions(text).map((m) => m.place))];

/** The place a name (浙江, 阜城县) is. */
export const placeNamed = (name: string): Place | undefined => PLACES.get(name);

/** Whether a text names the place: a county or district by its full name or by the name without 县 or 区 (阜城). */
export function isNamedIn(place: Place, text: string): boolean {
  if (text.includes(place.name)) return true;
  const stem = place.name.slice(0, -1);
  return COUNTY.test(place.name) && stem.length >= 2 && place.prefixes.every((code) => code.length === 6) && text.includes(stem);
}

/** Whether `inner` lies within `outer` or is it: 冀州区 within 衡水, 衡水 within 河北. */
export const isWithin = (inner: Place, outer: Place) => inner.prefixes.some((code) => outer.prefixes.some((prefix) => code.startsWith(prefix)));
