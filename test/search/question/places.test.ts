// The places a text names, from the division list: short names for provinces and prefectures, full
// names for counties and districts, everyday words left out, and which place lies inside which.
import { describe, expect, it } from 'vitest';
import { isNamedIn, isWithin, placeNamed, placesIn, type Place } from '../../../src/search/question/places.js';

const place = (name: string): Place => {
  const found = placeNamed(name);
  if (!found) throw new Error(`no place named ${name}`);
  return found;
};
const names = (text: string) => placesIn(text).map((p) => p.name);

describe('places', () => {
  it('are provinces and prefectures by the short names people write, counties and districts by full name', () => {
    expect(['浙江', '广西', '内蒙古', '香港', '衡水', '阿克苏', '延边', '黔东南', '大理', '阜城县', '海淀区'].every((n) => placeNamed(n) !== undefined)).toBe(true);
    expect(['浙江省', '衡水市', '延边朝鲜族自治州', '海淀'].map(placeNamed)).toEqual([undefined, undefined, undefined, undefined]);
  });

  it('leave out words that are mostly something else, districts every city has, and one-character county stems', () => {
    expect(['中山', '朝阳', '阿里', '白银', '城区', '市中区', '高新区', '景县', '新县'].map(placeNamed)).toEqual(Array(9).fill(undefined));
  });

  it('are found in a news paragraph wherever they stand', () => {
    const line = '市民政局以冀州区、景县、阜城县为试点引领,承担了北京市长期滞留流浪乞讨人员的安置任务。衡水市政府收到了浙江圣奥集团的感谢信。';
    expect(names(line).sort()).toEqual(['冀州区', '北京', '浙江', '衡水', '阜城县'].sort());
    expect(names('孙中山先生在朝阳下读报,阿里巴巴的白银')).toEqual([]);
  });

  it('know which lies inside which, by division code', () => {
    expect(isWithin(place('冀州区'), place('衡水'))).toBe(true);
    expect(isWithin(place('衡水'), place('河北'))).toBe(true);
    expect(isWithin(place('冀州区'), place('河北'))).toBe(true);
    expect(isWithin(place('河北'), place('衡水'))).toBe(false);
    expect(isWithin(place('衡水'), place('沧州'))).toBe(false);
    expect(isWithin(place('深圳'), place('广东'))).toBe(true);
  });

  it('count a county named without its 县 or 区, but never a prefecture by part of its name', () => {
    expect(isNamedIn(place('阜城县'), '阜城今年新建了三所学校')).toBe(true);
    expect(isNamedIn(place('海淀区'), '海淀的高校')).toBe(true);
    expect(isNamedIn(place('衡水'), '衡阳市')).toBe(false);
  });
});
