import { oramaBackend } from '../../../src/search/index/orama/orama-index.js';
import { passageIndexContract } from './passage-index.case.js';

passageIndexContract(oramaBackend);
