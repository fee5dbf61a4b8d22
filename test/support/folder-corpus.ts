// A corpus kept in folders, as people keep documents: `laws/` (two labour laws) and `office/` (a
// notice, minutes, an FAQ, a web page), plus, when asked, `notices/<district>/` of generated one-line
// notices, to make a corpus of hundreds of documents cheaply.
import { cpSync, mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { scratchDir } from './engines.js';

export const DISTRICTS = ['东城', '西城', '朝阳', '海淀'];

/** The corpus folder; `notices` generated notices spread over DISTRICTS (notice i is in district i % 4). */
export function folderCorpus(notices = 0): string {
  const dir = join(scratchDir('folders'), 'corpus');
  cpSync(resolve('test/fixtures/laws'), join(dir, 'laws'), { recursive: true });
  cpSync(resolve('test/fixtures/office'), join(dir, 'office'), { recursive: true });
  for (let i = 0; i < notices; i++) {
    const district = DISTRICTS[i % DISTRICTS.length];
    const folder = join(dir, 'notices', district);
    mkdirSync(folder, { recursive: true });
    writeFileSync(join(folder, `仓库通知-${i}.txt`), `${district}第${i}号仓库通知\n\n${district}第${i}号仓库位于${district}区幸福路${i}号，库房面积${100 + i}平方米，每天早上8点开门。\n`);
  }
  return dir;
}
