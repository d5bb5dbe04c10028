import { Workbench } from './test/ui/workbench';
const wb = await Workbench.open();
try {
  await wb.openViewContainer('Paper Notes');
  await wb.page.waitForTimeout(1500);
  await wb.page.screenshot({ path: '/tmp/pv/wb1.png' });
  await wb.runCommand('Paper Notes: Open Paper');
  await wb.page.waitForTimeout(1000);
  await wb.page.screenshot({ path: '/tmp/pv/wb2.png' });
  await wb.page.keyboard.type('mamba linear');
  await wb.page.waitForTimeout(800);
  await wb.page.screenshot({ path: '/tmp/pv/wb3.png' });
  await wb.page.keyboard.press('Enter');
  await wb.page.waitForTimeout(3000);
  await wb.page.screenshot({ path: '/tmp/pv/wb4.png' });
  for (const f of wb.page.frames()) console.log('frame', f.url().slice(0, 160), f.name());
  console.log(await wb.page.locator('iframe').evaluateAll((els) => els.map((e) => e.outerHTML.slice(0, 300))));
} finally { await wb.close(); }
