// simple-peer's own browser bundle carries its Node polyfills (buffer, streams); its types are the package's.
declare module 'simple-peer/simplepeer.min.js' {
  import SimplePeer from 'simple-peer';
  export default SimplePeer;
}
