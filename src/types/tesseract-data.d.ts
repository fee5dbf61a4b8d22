// The @tesseract.js-data language packages ship no types: each exports where its data lies.
declare module '@tesseract.js-data/chi_sim' {
  const data: { code: string; gzip: boolean; langPath: string };
  export default data;
}
declare module '@tesseract.js-data/chi_tra' {
  const data: { code: string; gzip: boolean; langPath: string };
  export default data;
}
