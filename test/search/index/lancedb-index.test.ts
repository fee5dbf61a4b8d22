import { lancedbBackend } from '../../../src/search/index/lancedb/lancedb-index.js';
import { passageIndexContract } from './passage-index.case.js';

passageIndexContract(lancedbBackend);
